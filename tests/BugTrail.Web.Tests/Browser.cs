using Microsoft.Playwright;

namespace BugTrail.Web.Tests;

/// <summary>Debian's Chromium driven by Playwright for .NET; no browser is downloaded.</summary>
public static class Browser
{
    public static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(RepoRoot(), "artifacts", "screenshots")).FullName;

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BugTrail.slnx"))) return dir.FullName;
        throw new InvalidOperationException("tests must run inside the BugTrail checkout");
    }

    /// <summary>Every wait allowed two minutes: a busy CI machine runs several servers and browsers at once.</summary>
    public const float PatientMs = 120_000;

    /// <summary>A fresh browser context whose waits are patient (Playwright's default of 30 s is not, on a loaded machine).</summary>
    public static async Task<IBrowserContext> PatientContextAsync(this IBrowser browser, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(PatientMs);
        context.SetDefaultNavigationTimeout(PatientMs);
        return context;
    }

    /// <summary>A page in its own patient context.</summary>
    public static async Task<IPage> PatientPageAsync(this IBrowser browser, BrowserNewContextOptions? options = null) =>
        await (await browser.PatientContextAsync(options)).NewPageAsync();

    /// <summary>The first interviewer account, created through /account/setup; returns the signed-in page on /interviews.</summary>
    public static async Task<IPage> SignUpAsync(IBrowser browser, WebServer server, BrowserNewContextOptions? options = null)
    {
        var page = await browser.PatientPageAsync(options ?? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync($"{server.Url}/account/setup");
        await page.FillAsync("[data-test=name]", "Rita Interviewer");
        await page.FillAsync("[data-test=email]", "rita@example.com");
        await page.FillAsync("[data-test=password]", "correct horse battery");
        await page.ClickAsync("[data-test=create]");
        await page.WaitForURLAsync("**/interviews");
        return page;
    }

    /// <summary>
    /// Starts a practice session from /practice once the page carries the chosen format and level (the choice re-renders the
    /// list; clicking before that would post the previous choice).
    /// </summary>
    public static async Task StartPracticeAsync(IPage page, string scenario, string format = "production-debugging", string level = "mid")
    {
        await page.SelectOptionAsync("[data-test=level]", level);
        await page.SelectOptionAsync("[data-test=format]", format);
        await page.ClickAsync($"form:has(input[name=format][value={format}]):has(input[name=level][value={level}]) [data-test=start-{scenario}]");
        await page.WaitForURLAsync("**/room/**");
        await page.WaitForSelectorAsync("[data-live=true]");
    }

    /// <summary>A candidate on an interview link: the welcome screen, then Start (the interview's clock starts here).</summary>
    public static async Task StartInterviewAsync(IPage page)
    {
        await page.ClickAsync("[data-live=true] [data-test=start-interview]");
        await page.WaitForSelectorAsync("[data-test=message]");
    }

    /// <summary>Types a message in the candidate room and waits for the interviewer's reply to be drawn.</summary>
    public static async Task SayAsync(IPage page, string text)
    {
        var before = await page.Locator("[data-test=conversation] li").CountAsync();
        await page.FillAsync("[data-test=message]", text);
        await page.ClickAsync("[data-test=send]");
        // A locator wait, not a script: the app's content policy forbids evaluating strings, for test drivers too.
        await page.Locator("[data-test=conversation] li").Nth(before).WaitForAsync();
    }
}

/// <summary>A running app and a browser for one test, torn down together.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private IPlaywright playwright = null!;

    public WebServer Server { get; private init; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static async Task<BrowserSession> StartAsync(IDictionary<string, string>? settings = null)
    {
        var session = new BrowserSession { Server = new WebServer(settings: settings) };
        await session.Server.StartAsync();
        (session.playwright, session.Browser) = await Tests.Browser.LaunchAsync();
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Server.DisposeAsync();
    }
}
