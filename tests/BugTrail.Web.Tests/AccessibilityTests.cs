using System.Text.Json;
using Microsoft.Playwright;

namespace BugTrail.Web.Tests;

/// <summary>
/// axe-core (npm, pinned in axe/, installed by scripts/install-test-deps.sh) scans each page a person uses: no serious or
/// critical violation. The scan's script is injected by Playwright, so its context bypasses the app's content policy.
/// </summary>
public class AccessibilityTests
{
    private static readonly string Axe = Path.Combine(Browser.RepoRoot(), "tests", "BugTrail.Web.Tests", "axe", "node_modules", "axe-core", "axe.min.js");

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Axe });
        var found = await page.EvaluateAsync<JsonElement>(@"async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target.join(' ')} — ${v.help}`)");
        var violations = found.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"{name}: {string.Join("\n", violations)}");
    }

    [Fact]
    public async Task The_practice_page_room_dashboard_console_and_report_have_no_serious_violations()
    {
        await using var session = await BrowserSession.StartAsync();
        var (server, browser) = (session.Server, session.Browser);
        var options = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, BypassCSP = true };

        var visitor = await browser.PatientPageAsync(options);
        await visitor.GotoAsync($"{server.Url}/practice");
        await visitor.WaitForSelectorAsync("[data-live=true]");
        await AssertAccessibleAsync(visitor, "practice");

        await Browser.StartPracticeAsync(visitor, "causal-mask-diagonal", "code-review");
        await Browser.SayAsync(visitor, "Could the mask let a position see the next token? Can I see the attention statistics?");
        await AssertAccessibleAsync(visitor, "practice room");
        await visitor.ClickAsync("[data-test=finish]");
        await visitor.ClickAsync("[data-test=finish-confirm]");
        await visitor.WaitForSelectorAsync("[data-test=debrief]");
        await AssertAccessibleAsync(visitor, "practice debrief");

        var interviewer = await Browser.SignUpAsync(browser, server, options);
        await interviewer.WaitForSelectorAsync("[data-live=true]");
        await interviewer.FillAsync("[data-test=candidate]", "Ada Candidate");
        await interviewer.ClickAsync("[data-test=create]");
        var link = (await interviewer.InnerTextAsync("[data-test=candidate-link]")).Trim();
        await AssertAccessibleAsync(interviewer, "dashboard");

        await interviewer.ClickAsync("[data-test=open-console]");
        await interviewer.WaitForURLAsync("**/console/**");
        await interviewer.WaitForSelectorAsync("[data-test=not-started][data-live=true]");
        await AssertAccessibleAsync(interviewer, "console before the start");

        var candidate = await browser.PatientPageAsync(options);
        await candidate.GotoAsync(link);
        await candidate.WaitForSelectorAsync("[data-live=true] [data-test=start-interview]");
        await AssertAccessibleAsync(candidate, "welcome screen");
        await Browser.StartInterviewAsync(candidate);
        await interviewer.WaitForSelectorAsync("[data-live=true] [data-test=timer]");
        await AssertAccessibleAsync(interviewer, "console");

        await interviewer.ClickAsync("[data-test=report-link]");
        await interviewer.WaitForSelectorAsync("text=Post-interview evaluation");
        await AssertAccessibleAsync(interviewer, "report");
    }
}
