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

    /// <summary>Types a message in the candidate room and waits for the interviewer's reply to be drawn.</summary>
    public static async Task SayAsync(IPage page, string text)
    {
        var before = await page.Locator("[data-test=conversation] li").CountAsync();
        await page.FillAsync("[data-test=message]", text);
        await page.ClickAsync("[data-test=send]");
        await page.WaitForFunctionAsync($"document.querySelectorAll('[data-test=conversation] li').length > {before}");
    }
}
