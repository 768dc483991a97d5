using BugTrail.Storage.Database;
using BugTrail.Web.Components;
using BugTrail.Web.Services;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
// Static web assets (blazor.web.js) from the build output in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

var dataFolder = Path.GetFullPath(builder.Configuration["BugTrail:DataFolder"] ?? "data");
Directory.CreateDirectory(dataFolder);
var provider = builder.Configuration["BugTrail:Database:Provider"] ?? "sqlite";
var connection = builder.Configuration["BugTrail:Database:ConnectionString"];
builder.Services.AddDbContextFactory<BugTrailDb>(options =>
{
    if (provider == "postgresql") options.UseNpgsql(connection);
    else options.UseSqlite(string.IsNullOrEmpty(connection) ? $"Data Source={Path.Combine(dataFolder, "bugtrail.db")}" : connection);
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ScenarioCatalog>();
builder.Services.AddSingleton<SessionRepository>();
builder.Services.AddSingleton<LiveInterviews>();
builder.Services.AddHostedService<InterviewClock>();
builder.Services.AddRazorComponents().AddInteractiveServerComponents(options => options.DetailedErrors = builder.Environment.IsDevelopment())
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 64 * 1024);

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<BugTrailDb>>().CreateDbContextAsync();
    await db.Database.MigrateAsync();
    await db.DisposeAsync();
}
_ = app.Services.GetRequiredService<ScenarioCatalog>();

if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Logger.LogInformation("BugTrail is ready: open {Urls}", string.Join(", ", app.Urls.DefaultIfEmpty(builder.Configuration["Urls"] ?? "")));
app.Run();

/// <summary>For the test host.</summary>
public partial class Program;
