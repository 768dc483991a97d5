using System.Net;
using System.Text.RegularExpressions;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Database;
using BugTrail.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace BugTrail.Web.Tests;

/// <summary>Issue 10's findings against the web app, each a regression test over real HTTP (or the real room service).</summary>
public partial class HardeningTests
{
    private static HttpClient Client(WebServer server, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = new Uri(server.Url) };

    /// <summary>The antiforgery token of the first form on a page (the cookie lands in the client's container).</summary>
    private static async Task<string> TokenAsync(HttpClient http, string path) =>
        AntiforgeryField().Match(await http.GetStringAsync(path)) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"no form on {path}");

    /// <summary>The room's real services in this process, on a fresh SQLite file and the shipped bank.</summary>
    private static async Task<(DbFactory Factory, SessionRepository Repository, ScenarioCatalog Catalog)> LocalStoreAsync()
    {
        var factory = DbFactory.Sqlite(Path.Combine(Directory.CreateTempSubdirectory("bugtrail-local-").FullName, "bugtrail.db"));
        await using (var db = factory.CreateDbContext()) await db.Database.MigrateAsync();
        return (factory, new SessionRepository(factory), new ScenarioCatalog(new ConfigurationBuilder().Build(), NullLogger<ScenarioCatalog>.Instance));
    }

    /// <summary>A practice room on missing-zero-grad (code review), opened through the real room service.</summary>
    private static async Task<(DbFactory Factory, SessionRepository Repository, LiveInterviews Rooms, LiveInterviews.Live Room)> OpenPracticeRoomAsync()
    {
        var (factory, repository, catalog) = await LocalStoreAsync();
        var rooms = new LiveInterviews(repository, catalog, TimeProvider.System, NullLogger<LiveInterviews>.Instance);
        var plan = InterviewPlan.Single(catalog.Get("missing-zero-grad"), InterviewFormat.CodeReview, Level.Junior);
        var interview = Interview.Start(plan, DateTimeOffset.UtcNow, catalog.Get, catalog.Reader);
        var (id, _) = await repository.CreateAsync(InterviewKind.Practice, "", null, interview.Log, new Dictionary<string, string>());
        return (factory, repository, rooms, (await rooms.OpenAsync(id))!);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_no_server_banner()
    {
        await using var server = new WebServer();
        await server.StartAsync();
        using var http = Client(server);
        foreach (var path in new[] { "/", "/practice", "/account/login" })
        {
            var response = await http.GetAsync(path);
            var headers = response.Headers;
            Assert.Contains("frame-ancestors 'none'", string.Join(";", headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", Assert.Single(headers.GetValues("Referrer-Policy")));
            Assert.False(headers.Contains("Server"), $"{path} names the server");
        }
    }

    [Fact]
    public async Task First_run_setup_is_refused_through_a_proxy_and_parallel_submissions_create_one_account()
    {
        await using var server = new WebServer();
        await server.StartAsync();
        using (var proxied = Client(server))
        {
            proxied.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
            Assert.Contains("only available from this machine", await proxied.GetStringAsync("/account/setup"), StringComparison.Ordinal);
        }

        var cookies = new CookieContainer();
        using var http = Client(server, cookies);
        var token = await TokenAsync(http, "/account/setup");
        var posts = Enumerable.Range(0, 6).Select(i => http.PostAsync("/account/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = token,
            ["Input.DisplayName"] = $"Racer {i}",
            ["Input.Email"] = $"racer{i}@example.com",
            ["Input.Password"] = "correct horse battery",
        })));
        await Task.WhenAll(posts);

        await using var db = DbFactory.Sqlite(Path.Combine(server.DataFolder, "data", "bugtrail.db")).CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync());
    }

    private static async Task SetUpAsync(WebServer server, string email, string password)
    {
        using var http = Client(server);
        var token = await TokenAsync(http, "/account/setup");
        var created = await http.PostAsync("/account/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup", ["__RequestVerificationToken"] = token,
            ["Input.DisplayName"] = "Rita", ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }

    /// <summary>Posts the sign-in form; the answer page's error, or null when signed in (a redirect).</summary>
    private static async Task<string?> SignInAsync(HttpClient http, string email, string password)
    {
        var token = await TokenAsync(http, "/account/login");
        var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        if (response.StatusCode == HttpStatusCode.Redirect) return null;
        return ErrorLine().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    [GeneratedRegex("data-test=\"error\">([^<]*)<")]
    private static partial Regex ErrorLine();

    [Fact]
    public async Task Nobody_can_lock_an_account_or_learn_it_exists_and_a_signed_out_cookie_stops_working()
    {
        await using var server = new WebServer();
        await server.StartAsync();
        await SetUpAsync(server, "rita@example.com", "correct horse battery");

        // Failed guesses from one address: the same answer for a real and an unknown email, and the account is not locked.
        var guesser = Client(server);
        var wrongPassword = await SignInAsync(guesser, "rita@example.com", "not the password");
        var unknownEmail = await SignInAsync(guesser, "nobody@example.com", "not the password");
        Assert.Equal(wrongPassword, unknownEmail);
        for (var i = 0; i < 5; i++) await SignInAsync(guesser, "rita@example.com", $"guess number {i}");

        var cookies = new CookieContainer();
        using var rita = Client(server, cookies);
        Assert.Null(await SignInAsync(rita, "rita@example.com", "correct horse battery"));
        Assert.Equal(HttpStatusCode.OK, (await rita.GetAsync("/interviews")).StatusCode);

        // Signing out without the form's token is refused; with it, even a copy of the old cookie stops working.
        var copied = new CookieContainer();
        foreach (Cookie c in cookies.GetAllCookies()) copied.Add(c);
        Assert.Equal(HttpStatusCode.BadRequest, (await rita.PostAsync("/account/logout", new FormUrlEncodedContent([]))).StatusCode);
        var token = await TokenAsync(rita, "/interviews");
        Assert.Equal(HttpStatusCode.Redirect, (await rita.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode);
        using var replay = Client(server, copied);
        var after = await replay.GetAsync("/interviews");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_limits_guessed_keys_and_answers_in_json_when_a_scenario_was_retired()
    {
        await using var server = new WebServer();
        await server.StartAsync();
        await SetUpAsync(server, "rita@example.com", "correct horse battery");
        var file = Path.Combine(server.DataFolder, "data", "bugtrail.db");
        const string key = "bt_a-key-for-the-hardening-test-000000";
        await using (var db = DbFactory.Sqlite(file).CreateDbContext())
        {
            db.UserTokens.Add(new Microsoft.AspNetCore.Identity.IdentityUserToken<string>
            {
                UserId = (await db.Users.SingleAsync()).Id, LoginProvider = Web.Api.ApiKeyHandler.Provider, Name = Web.Api.ApiKeyHandler.TokenName,
                Value = SessionRepository.Hash(key),
            });
            await db.SaveChangesAsync();
        }

        // A session whose scenario has since left the bank: a JSON 409, not an HTML 500.
        var bank = BugTrail.Storage.Banks.BankFolders.Load([Path.Combine(Browser.RepoRoot(), "scenarios")]);
        var scenario = bank.Find("missing-zero-grad")!;
        var interview = Interview.Start(InterviewPlan.Single(scenario, InterviewFormat.CodeReview, Level.Junior), DateTimeOffset.UtcNow, id => bank.Find(id)!,
            BugTrail.Core.Understanding.RuleReader.Instance, "Ada");
        var (session, _) = await new SessionRepository(DbFactory.Sqlite(file)).CreateAsync(InterviewKind.Interview, "Ada", "rita", interview.Log, new Dictionary<string, string>());
        await using (var db = DbFactory.Sqlite(file).CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE session_events SET Json = replace(Json, 'missing-zero-grad', 'retired-scenario')");
        using var ats = Client(server);
        ats.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var evaluation = await ats.GetAsync($"/api/interviews/{session}/evaluation");
        Assert.Equal(HttpStatusCode.Conflict, evaluation.StatusCode);
        Assert.Equal("application/json", evaluation.Content.Headers.ContentType?.MediaType);
        Assert.Contains("retired-scenario", await evaluation.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Wrong keys are counted like right ones: a guesser is stopped within the minute's allowance.
        using var guesser = Client(server);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 70; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/interviews/{session}/evaluation");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", $"bt_guess-{i:D4}-padding-padding-padding");
            answers.Add((await guesser.SendAsync(request)).StatusCode);
        }
        Assert.Contains(HttpStatusCode.Unauthorized, answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_data_folder_is_private_and_https_is_honoured_only_from_a_configured_proxy()
    {
        await using var server = new WebServer(settings: new Dictionary<string, string> { ["BugTrail__Proxies__0"] = "127.0.0.1" });
        await server.StartAsync();
        var data = Path.Combine(server.DataFolder, "data");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

        using var http = Client(server);
        var proxied = new HttpRequestMessage(HttpMethod.Get, "/");
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.True((await http.SendAsync(proxied)).Headers.Contains("Strict-Transport-Security"), "HTTPS behind the proxy is recognised");
        Assert.False((await http.GetAsync("/")).Headers.Contains("Strict-Transport-Security"), "plain HTTP is not HTTPS");
    }

    [Fact]
    public async Task With_an_https_port_plain_http_through_the_proxy_is_redirected_and_direct_requests_are_not()
    {
        await using var server = new WebServer(settings: new Dictionary<string, string> { ["BugTrail__Proxies__0"] = "127.0.0.1", ["BugTrail__HttpsPort"] = "443" });
        await server.StartAsync();
        using var http = Client(server);
        var plain = new HttpRequestMessage(HttpMethod.Get, "/practice?x=1");
        plain.Headers.Add("X-Forwarded-Proto", "http");
        plain.Headers.Add("X-Forwarded-For", "203.0.113.9");
        plain.Headers.Host = "bugtrail.example.com";
        var redirected = await http.SendAsync(plain);
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirected.StatusCode);
        Assert.Equal("https://bugtrail.example.com/practice?x=1", redirected.Headers.Location!.ToString());

        var secure = new HttpRequestMessage(HttpMethod.Get, "/practice");
        secure.Headers.Add("X-Forwarded-Proto", "https");
        secure.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(secure)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/practice")).StatusCode);   // on the machine itself
    }

    [Fact]
    public async Task Practice_offers_only_practice_banks_never_a_live_interview_and_limits_sessions_per_address()
    {
        await using var server = new WebServer(settings: new Dictionary<string, string> { ["BugTrail__Banks__0"] = LeakTests.CanaryBank() });
        await server.StartAsync();
        var cookies = new CookieContainer();
        using var http = Client(server, cookies);
        Task<HttpResponseMessage> Start(string token, string scenario) => http.PostAsync("/practice/start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["scenario"] = scenario, ["format"] = "production-debugging", ["level"] = "mid",
        }));

        // A private bank is for interviews: not listed, and refused when posted anyway.
        var page = await http.GetStringAsync("/practice");
        Assert.Contains("data-test=\"start-attention-scaling-missing\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", page, StringComparison.OrdinalIgnoreCase);
        var token = await TokenAsync(http, "/practice");
        Assert.Equal(HttpStatusCode.BadRequest, (await Start(token, "canary-scenario")).StatusCode);

        // A scenario someone is being interviewed on is not offered while that interview runs.
        var repository = new SessionRepository(DbFactory.Sqlite(Path.Combine(server.DataFolder, "data", "bugtrail.db")));
        var bank = BugTrail.Storage.Banks.BankFolders.Load([Path.Combine(Browser.RepoRoot(), "scenarios")]);
        var scenario = bank.Find("attention-scaling-missing")!;
        var interview = Interview.Start(InterviewPlan.Single(scenario, InterviewFormat.ProductionDebugging, Level.Mid), DateTimeOffset.UtcNow, id => bank.Find(id)!,
            BugTrail.Core.Understanding.RuleReader.Instance, "Ada");
        await repository.CreateAsync(InterviewKind.Interview, "Ada", "rita", interview.Log, new Dictionary<string, string> { [scenario.Id] = scenario.ContentHash });
        Assert.DoesNotContain("start-attention-scaling-missing", await http.GetStringAsync("/practice"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Start(token, "attention-scaling-missing")).StatusCode);

        // One address starts a handful of sessions in ten minutes, then is told to wait; every session started is a real room.
        var started = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++) started.Add((await Start(token, "grad-accum-scaling")).StatusCode);
        Assert.Equal(Web.Api.PracticeEndpoint.PerAddress - 2, started.Count(s => s == HttpStatusCode.Redirect));   // two were refused above
        Assert.Equal(HttpStatusCode.TooManyRequests, started[^1]);
        await using var db = DbFactory.Sqlite(Path.Combine(server.DataFolder, "data", "bugtrail.db")).CreateDbContext();
        Assert.Equal(Web.Api.PracticeEndpoint.PerAddress - 2, await db.Interviews.CountAsync(i => i.Kind == InterviewKind.Practice));
    }

    [Fact]
    public async Task A_storage_failure_is_said_in_the_room_loses_nothing_and_the_next_try_works()
    {
        var (factory, repository, rooms, room) = await OpenPracticeRoomAsync();
        var id = room.Id;
        var before = (await repository.LoadAsync(id)).Count;

        // The database starts failing every write of an event (as a full disk would; file modes do not stop root).
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE doomed (x INTEGER)");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER storage_fails BEFORE INSERT ON session_events BEGIN INSERT INTO doomed VALUES (1); END");
            await db.Database.ExecuteSqlRawAsync("DROP TABLE doomed");
        }
        var refused = await rooms.SayAsync(room, "Can I see the gradient norms?");
        Assert.Contains("could not be saved", refused, StringComparison.Ordinal);
        Assert.Equal(before, (await repository.LoadAsync(id)).Count);
        Assert.Equal(before, room.Snapshot.Log.Count);   // nothing unsaved is shown

        await using (var db = factory.CreateDbContext()) await db.Database.ExecuteSqlRawAsync("DROP TRIGGER storage_fails");
        Assert.Null(await rooms.SayAsync(room, "Can I see the gradient norms?"));
        Assert.True((await repository.LoadAsync(id)).Count > before);
    }

    [Fact]
    public async Task An_unusable_data_folder_stops_the_start_with_one_clear_line()
    {
        var root = Directory.CreateTempSubdirectory("bugtrail-unusable-").FullName;
        File.WriteAllText(Path.Combine(root, "a-file"), "not a folder");
        await using var server = new WebServer(root, new Dictionary<string, string> { ["BugTrail__DataFolder"] = Path.Combine(root, "a-file", "data") });
        await Assert.ThrowsAsync<InvalidOperationException>(server.StartAsync);
        var log = Path.Combine(root, $"server-{server.Port}.log");
        // The output is copied from the exited process asynchronously: wait for it, generously.
        for (var i = 0; i < 600 && !(File.Exists(log) && File.ReadAllText(log).Contains("error: BugTrail cannot use", StringComparison.Ordinal)); i++) await Task.Delay(100);
        var text = File.ReadAllText(log);
        Assert.Contains($"error: BugTrail cannot use {Path.Combine(root, "a-file", "data")}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_interview_list_reads_summary_rows_and_folds_only_a_session_whose_row_is_behind_its_log()
    {
        var (factory, repository, catalog) = await LocalStoreAsync();
        var summaries = new SessionSummaries(repository, catalog, NullLogger<SessionSummaries>.Instance);
        var scenario = catalog.Get("missing-zero-grad");
        var interview = Interview.Start(InterviewPlan.Single(scenario, InterviewFormat.CodeReview, Level.Junior), DateTimeOffset.UtcNow, catalog.Get, catalog.Reader, "Ada");
        var (quiet, _) = await repository.CreateAsync(InterviewKind.Interview, "Ada", "rita", interview.Log, new Dictionary<string, string>());
        var (busy, _) = await repository.CreateAsync(InterviewKind.Interview, "Bob", "rita", interview.Log, new Dictionary<string, string>());

        // No log is read to list: even one that could no longer be read lists, with its level and scenario.
        await using (var db = factory.CreateDbContext())
            Assert.True(await db.Database.ExecuteSqlAsync($"UPDATE session_events SET Json = 'unreadable' WHERE InterviewId = {quiet}") > 0);
        var (page, total) = await summaries.PageAsync(new SessionFilter(InterviewKind.Interview), 0);
        Assert.Equal(2, total);
        Assert.All(page, r => Assert.Equal(("junior", "missing-zero-grad", (int?)null), (r.Level, r.Scenarios, r.Overall)));

        // An override appended by a writer that did not evaluate (the CLI) is folded once, on the next load, and stored.
        var note = new EvaluationOverridden(DateTimeOffset.UtcNow, new BugTrail.Core.Evaluation.RecommendationOverride(BugTrail.Core.Evaluation.Recommendation.Hire, "strong on the call"), "rita");
        await repository.AppendAsync(busy, interview.Log.Count, [note], ended: true);
        var row = (await summaries.PageAsync(new SessionFilter(EndedOnly: true), 0)).Page.Single();
        Assert.Equal((busy, "hire"), (row.Id, row.Recommendation));
        Assert.Empty(await repository.StaleSummariesAsync());
        Assert.Single(await summaries.BarAsync());
    }

    [Fact]
    public async Task The_append_that_ends_a_room_stores_its_summary()
    {
        var (_, repository, rooms, room) = await OpenPracticeRoomAsync();
        Assert.Null(await rooms.SayAsync(room, "/giveup"));
        Assert.True(await rooms.ActAsync(room, new BugTrail.Core.Policy.InterviewerAction(BugTrail.Core.Policy.ActionKind.End, "Thank you.") { ScenarioId = "missing-zero-grad" }));
        Assert.True(room.Snapshot.State.Ended);
        var record = (await repository.FindAsync(room.Id))!;
        Assert.Equal(record.EventCount, record.SummaryVersion);
        Assert.NotNull(record.Overall);
        Assert.Equal("no_hire", record.Recommendation);
        Assert.Empty(await repository.StaleSummariesAsync());
    }

    [Fact]
    public async Task The_room_refuses_an_oversized_message_on_every_path_and_stores_nothing()
    {
        var (factory, repository, rooms, room) = await OpenPracticeRoomAsync();
        var id = room.Id;
        var before = (await repository.LoadAsync(id)).Count;

        // The quick-ask select and the message box both end up here; a patch may be longer, but not unbounded.
        Assert.NotNull(await rooms.SayAsync(room, new string('x', LiveInterviews.MaxMessage + 1)));
        Assert.NotNull(await rooms.SayAsync(room, "/ask " + new string('x', 30_000)));
        Assert.NotNull(await rooms.SayAsync(room, BugTrail.Core.Understanding.Commands.Patch + "\n" + new string('x', LiveInterviews.MaxPatch)));
        Assert.Equal(before, (await repository.LoadAsync(id)).Count);
        Assert.Null(await rooms.SayAsync(room, "Can I see the gradient norms?"));
        Assert.True((await repository.LoadAsync(id)).Count > before);
    }

    [Fact]
    public void Failed_sign_ins_are_limited_per_address_in_bounded_memory()
    {
        var failures = new AddressFailures(3, TimeSpan.FromMinutes(15));
        var t0 = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < 3; i++) failures.Record("10.0.0.1", t0);
        Assert.True(failures.Throttled("10.0.0.1", t0.AddMinutes(1)));
        Assert.False(failures.Throttled("10.0.0.2", t0.AddMinutes(1)));
        Assert.False(failures.Throttled("10.0.0.1", t0.AddMinutes(16)));   // the window slides

        // A scan from many addresses: once past the bound, the addresses with nothing left in the window are forgotten.
        for (var i = 0; i <= AddressFailures.MaxAddresses; i++) failures.Record($"198.51.{i / 256}.{i % 256}", t0);
        failures.Record("10.0.0.3", t0.AddMinutes(20));
        Assert.False(failures.Throttled("10.0.0.4", t0.AddMinutes(20)));
        Assert.Equal(1, failures.Remembered);
        // A scan that keeps every address inside the window: the oldest are dropped, never more than the bound is kept.
        for (var i = 0; i < 2 * AddressFailures.MaxAddresses; i++) failures.Record($"2001:db8::{i:x}", t0.AddMinutes(30).AddMilliseconds(i));
        Assert.False(failures.Throttled("10.0.0.5", t0.AddMinutes(31)));
        Assert.True(failures.Remembered <= AddressFailures.MaxAddresses, $"{failures.Remembered} addresses remembered");
    }

    [Fact]
    public async Task With_a_key_certificate_the_data_protection_keys_are_encrypted_at_rest()
    {
        var outside = Directory.CreateTempSubdirectory("bugtrail-cert-").FullName;
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=BugTrail keys", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = Path.Combine(outside, "keys.pfx");
        File.WriteAllBytes(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "s3cret"));

        await using var server = new WebServer(settings: new Dictionary<string, string> { ["BugTrail__KeyCertificate"] = pfx, ["BugTrail__KeyCertificatePassword"] = "s3cret" });
        await server.StartAsync();
        using var http = Client(server);
        await TokenAsync(http, "/account/login");   // an antiforgery token needs a key
        var files = Directory.GetFiles(Path.Combine(server.DataFolder, "data", "keys"), "*.xml");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var xml = File.ReadAllText(file);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_override_the_cli_appends_reaches_a_watched_page_within_a_tick()
    {
        var (_, repository, rooms, room) = await OpenPracticeRoomAsync();
        room.Changed += () => { };   // a page is watching
        var stored = await repository.LoadAsync(room.Id);
        var note = new EvaluationOverridden(DateTimeOffset.UtcNow, new BugTrail.Core.Evaluation.RecommendationOverride(BugTrail.Core.Evaluation.Recommendation.Hire, "strong on the call"), "rita");
        await repository.AppendAsync(room.Id, stored.Count, [note], ended: false);   // as `bugtrail evaluate --set` does

        Assert.DoesNotContain(room.Snapshot.Log, e => e is EvaluationOverridden);
        await rooms.TickAsync();
        Assert.Contains(room.Snapshot.Log, e => e is EvaluationOverridden);
        Assert.Equal((await repository.LoadAsync(room.Id)).Count, room.Snapshot.Log.Count);
    }
}
