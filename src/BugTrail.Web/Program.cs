using BugTrail.Storage.Database;
using BugTrail.Web.Api;
using BugTrail.Web.Components;
using Microsoft.AspNetCore.RateLimiting;
using BugTrail.Web.Services;
using Json = BugTrail.Web.Services.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
// Static web assets (blazor.web.js) from the build output in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

// One store, two front ends: by default the same data folder (and database) as the bugtrail CLI.
var dataFolder = Path.GetFullPath(builder.Configuration["BugTrail:DataFolder"] is { Length: > 0 } folder ? folder : BugTrail.Storage.Sessions.SessionStore.DefaultRoot());
try
{
    Directory.CreateDirectory(dataFolder);
    DataFolderPermissions.Restrict(dataFolder);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    return Unusable(dataFolder, e);
}
var provider = builder.Configuration["BugTrail:Database:Provider"] ?? "sqlite";
var connection = builder.Configuration["BugTrail:Database:ConnectionString"];
builder.Services.AddDbContextFactory<BugTrailDb>(options =>
{
    if (provider == "postgresql") options.UseBugTrailPostgres(connection ?? "");
    else options.UseSqlite(string.IsNullOrEmpty(connection) ? $"Data Source={Path.Combine(dataFolder, "bugtrail.db")}" : connection);
});
// Sign-in cookies and antiforgery tokens stay valid across restarts: the keys live in the data folder (mode 600). With
// BugTrail:KeyCertificate (a PKCS#12 file kept outside the data folder) they are also encrypted at rest, so a copy of
// the data folder alone cannot forge a sign-in.
var keys = builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys"))).SetApplicationName("BugTrail");
if (builder.Configuration["BugTrail:KeyCertificate"] is { Length: > 0 } certificate)
{
    try
    {
        keys.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
            certificate, builder.Configuration["BugTrail:KeyCertificatePassword"]));
    }
    catch (System.Security.Cryptography.CryptographicException e)
    {
        Console.Error.WriteLine($"error: BugTrail cannot use the key certificate {certificate}: {e.Message}");
        return 1;
    }
}
builder.Services.AddCascadingAuthenticationState();
var authentication = builder.Services.AddAuthentication(options =>
{
    options.DefaultScheme = IdentityConstants.ApplicationScheme;
    options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
});
authentication.AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(c =>
{
    c.LoginPath = "/account/login";
    c.Cookie.HttpOnly = true;
    c.Cookie.SameSite = SameSiteMode.Strict;
    c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;   // Secure behind a TLS proxy (BugTrail:Proxies)
}));
builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
authentication.AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
builder.Services.AddRateLimiter(limits =>
{
    limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    limits.AddPolicy(PracticeEndpoint.RateLimit, http => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = PracticeEndpoint.PerAddress, Window = PracticeEndpoint.Window }));
    limits.OnRejected = async (rejected, cancel) =>
    {
        rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
        await rejected.HttpContext.Response.WriteAsync("Too many requests from this address; please wait a few minutes and try again.", cancel);
    };
    // 60 API requests a minute per address, counted before the key is checked, so guessing keys is limited too.
    limits.AddPolicy("api", http => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) }));
});
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
builder.Services.AddOpenApi();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = 256 * 1024;
    kestrel.AddServerHeader = false;
});
// Behind a TLS proxy: the client's address and scheme are taken from X-Forwarded-* only when the request comes from a
// configured proxy (BugTrail:Proxies), so links and cookies follow https and nobody can claim to be local by a header.
builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(forwarded =>
{
    forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
    forwarded.KnownProxies.Clear();
    forwarded.KnownIPNetworks.Clear();
    foreach (var proxy in builder.Configuration.GetSection("BugTrail:Proxies").Get<string[]>() ?? [])
        forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
});
builder.Services.AddSingleton<FirstRunGate>();
builder.Services.AddScoped<SignInGuard>();
// Every signed-in request checks the account's security stamp, which sign-out renews: a cookie copied before
// sign-out stops working at once.
builder.Services.Configure<SecurityStampValidatorOptions>(stamps => stamps.ValidationInterval = TimeSpan.Zero);
builder.Services.AddAuthorization();
builder.Services.AddIdentityCore<InterviewerAccount>(options =>
{
    // Length over composition rules (NIST SP 800-63B): ten characters or more, any characters.
    options.Password.RequiredLength = 10;
    options.Password.RequireNonAlphanumeric = false;
    options.Password.RequireDigit = false;
    options.Password.RequireUppercase = false;
    options.Password.RequireLowercase = false;
    options.User.RequireUniqueEmail = true;
    // Failed sign-ins are limited per address (SignInGuard), not by locking the account, which anyone could do.
    options.Lockout.AllowedForNewUsers = false;
}).AddEntityFrameworkStores<BugTrailDb>().AddSignInManager().AddDefaultTokenProviders();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ScenarioCatalog>();
builder.Services.AddSingleton<SessionRepository>();
builder.Services.AddSingleton<LiveInterviews>();
builder.Services.AddSingleton<SessionSummaries>();
builder.Services.AddHostedService<InterviewClock>();
builder.Services.AddRazorComponents().AddInteractiveServerComponents(options => options.DetailedErrors = builder.Environment.IsDevelopment())
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 64 * 1024);

var app = builder.Build();

try
{
    await using var scope = app.Services.CreateAsyncScope();
    await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<BugTrailDb>>().CreateDbContextAsync();
    await db.Database.MigrateAsync();
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
{
    return Unusable(provider == "postgresql" ? "the PostgreSQL database" : dataFolder, e);
}
// The reading model takes about a second to load and its general texts a few more to embed: do it now, off the request
// path. Each scenario's own texts are embedded when its first room opens (about a second), not all at start, which
// would keep a small server busy for as long again.
var catalog = app.Services.GetRequiredService<ScenarioCatalog>();
_ = Task.Run(() =>
{
    if (catalog.Bank.Scenarios.Count > 0)
        catalog.Reader.Read("warm", catalog.Bank.Scenarios[0], new BugTrail.Core.Understanding.ReadingContext(false));
});

app.UseForwardedHeaders();
// With BugTrail:HttpsPort, a request the configured proxy says arrived over plain HTTP is sent to HTTPS (308). Direct
// connections are left alone: the operator's and health checks' on the machine itself.
if (builder.Configuration.GetValue<int?>("BugTrail:HttpsPort") is { } httpsPort)
    app.Use(async (http, next) =>
    {
        if (!http.Request.IsHttps && http.Request.Headers.ContainsKey("X-Original-For"))
        {
            var host = httpsPort == 443 ? new HostString(http.Request.Host.Host) : new HostString(http.Request.Host.Host, httpsPort);
            http.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            http.Response.Headers.Location = $"https://{host}{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}";
            return;
        }
        await next();
    });
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
app.Use(SecurityHeaders.Apply);
// The API answers in JSON, failures included (an applicant-tracking system parses it; an HTML error page helps nobody).
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler(failed => failed.Run(http =>
    http.Response.WriteAsJsonAsync(new InterviewApi.Problem("internal error; the request was not completed")))));
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapOpenApi();
InterviewApi.Map(app);
PracticeEndpoint.Map(app);
app.MapGet("/interviews/{id:guid}/report", (Guid id, string? format, SessionRepository repository, ScenarioCatalog catalog, SessionSummaries summaries) =>
    InterviewApi.RenderReportAsync(id, format ?? "html", repository, catalog, summaries)).RequireAuthorization();
app.MapPost("/account/logout", async (HttpContext http, SignInManager<InterviewerAccount> signIn, UserManager<InterviewerAccount> users,
    Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
{
    // The form's token is required: another site must not be able to sign an interviewer out.
    if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest("The sign-out form has expired; reload the page and try again.");
    if (await users.GetUserAsync(http.User) is { } account) await users.UpdateSecurityStampAsync(account);
    await signIn.SignOutAsync();
    return Results.LocalRedirect("/");
});
app.Logger.LogInformation("BugTrail is ready: open {Urls}", string.Join(", ", app.Urls.DefaultIfEmpty(builder.Configuration["Urls"] ?? "")));
app.Run();
return 0;

// A data folder or database the server cannot write: one clear line and a failing exit code, not a stack trace.
static int Unusable(string where, Exception e)
{
    Console.Error.WriteLine($"error: BugTrail cannot use {where}: {e.Message} Set BugTrail__DataFolder (or the database settings) to something it can write.");
    return 1;
}

/// <summary>For the test host.</summary>
public partial class Program;
