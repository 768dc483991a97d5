using Microsoft.Playwright;

namespace BugTrail.Web.Tests;

/// <summary>A production-debugging interview from link to report, with two browser contexts: interviewer and candidate.</summary>
public class InterviewTests
{
    [Fact]
    public async Task A_production_debugging_interview_runs_from_link_to_report()
    {
        await using var session = await BrowserSession.StartAsync();
        var (server, browser) = (session.Server, session.Browser);

        var interviewer = await Browser.SignUpAsync(browser, server);
        await interviewer.WaitForSelectorAsync("[data-live=true]");
        await interviewer.FillAsync("[data-test=candidate]", "Ada Candidate");
        await interviewer.SelectOptionAsync("[data-test=scenario]", "attention-scaling-missing");
        await interviewer.SelectOptionAsync("[data-test=format]", "production-debugging");
        await interviewer.ClickAsync("[data-test=create]");
        var link = (await interviewer.InnerTextAsync("[data-test=candidate-link]")).Trim();
        await interviewer.ClickAsync("[data-test=open-console]");
        await interviewer.WaitForSelectorAsync("[data-live=true]");

        var candidateContext = await browser.PatientContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var candidate = await candidateContext.NewPageAsync();
        await candidate.GotoAsync(link);
        // Until the candidate presses Start the interview has not begun: the console waits, the clock has not run.
        await interviewer.WaitForSelectorAsync("[data-test=not-started]");
        await Browser.StartInterviewAsync(candidate);
        await interviewer.WaitForSelectorAsync("[data-test=timer]");
        await Browser.SayAsync(candidate, "My hypotheses: gradient explosion, or fp16 overflow in attention. Can I see the gradient norms?");

        // The interviewer sees it live, with the copilot's proposal, and releases the evidence.
        await interviewer.WaitForSelectorAsync("text=Can I see the gradient norms?");
        await interviewer.WaitForSelectorAsync("[data-test=send-proposal]");
        await interviewer.ClickAsync("[data-test=release-grad_norms]");
        await candidate.WaitForSelectorAsync("[data-test=evidence-grad_norms]");
        Assert.Equal(0, await candidate.Locator("[data-test=evidence-layer_grad_norms]").CountAsync());

        // The integrity log: a paste and the window losing focus reach the console (sizes only, never the pasted text).
        await candidate.EvaluateAsync(@"() => {
            const box = document.querySelector('[data-test=message]');
            const data = new DataTransfer();
            data.setData('text/plain', 'x'.repeat(300));
            box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
            window.dispatchEvent(new Event('blur'));
        }");
        await interviewer.WaitForSelectorAsync("[data-test=integrity] >> text=300 characters pasted");
        await interviewer.WaitForSelectorAsync("[data-test=integrity] >> text=focus_lost");
        // A return is logged only after a leaving, and the words are the server's, whatever the page sends.
        await candidate.EvaluateAsync("() => window.dispatchEvent(new Event('focus'))");
        await interviewer.WaitForSelectorAsync("[data-test=integrity] >> text=came back to the room");

        await interviewer.ClickAsync("[data-test=show-code]");
        await candidate.WaitForSelectorAsync("[data-test=code]");
        await Browser.SayAsync(candidate, "Found it: the attention scores are not scaled by sqrt(d_head); divide by math.sqrt(self.d_head).");
        await interviewer.WaitForSelectorAsync("text=not scaled by sqrt(d_head)");
        await interviewer.ClickAsync("[data-test=acknowledge]");
        await interviewer.ClickAsync("[data-test=ask-why-this-step]");
        await candidate.WaitForSelectorAsync("text=Excellent catch.");
        await Browser.SayAsync(candidate, "The Q and K weights grow during training until a score passes fp16's 65504 and becomes inf.");
        // Notes and overrides stay with the interviewer.
        await interviewer.FillAsync("[data-test=note]", "PRIVATE-NOTE-7731 strong on numerics");
        await interviewer.ClickAsync("[data-test=add-note]");
        await interviewer.WaitForSelectorAsync("[data-test=notes] >> text=PRIVATE-NOTE-7731");
        // Each item takes its own reason, and the box is empty again once the reason is used.
        await interviewer.ClickAsync("[data-test=toggle-explains_reasoning]");
        await interviewer.WaitForSelectorAsync("text=An override needs a reason");
        await interviewer.FillAsync("[data-test=reason-explains_reasoning]", "explained it well out loud");
        await interviewer.ClickAsync("[data-test=toggle-explains_reasoning]");
        await interviewer.WaitForSelectorAsync("[data-test=checklist] >> text=overridden: explained it well out loud");
        Assert.Equal("", await interviewer.InputValueAsync("[data-test=reason-explains_reasoning]"));
        Assert.DoesNotContain("PRIVATE-NOTE-7731", await candidate.ContentAsync(), StringComparison.Ordinal);

        // Ending asks once more; after it, the console's controls are off.
        await interviewer.ClickAsync("[data-test=end]");
        Assert.Equal(0, await candidate.Locator("[data-test=ended]").CountAsync());
        await interviewer.ClickAsync("[data-test=confirm]");
        await candidate.WaitForSelectorAsync("[data-test=ended]");
        await interviewer.WaitForSelectorAsync("[data-test=console-ended]");
        Assert.True(await interviewer.Locator("[data-test=end]").IsDisabledAsync());
        Assert.True(await interviewer.Locator("[data-test=hint-gentle]").IsDisabledAsync());
        Assert.Equal(0, await interviewer.Locator("[data-test=interviewer-send]").CountAsync());
        await candidate.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "interview-candidate.png"), FullPage = true });
        await interviewer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "interview-console.png"), FullPage = true });

        // The guide panel is the interviewer's alone.
        Assert.Contains("Root cause", await interviewer.InnerTextAsync("[data-test=guide]"), StringComparison.Ordinal);
        Assert.DoesNotContain("Root cause", await candidate.InnerTextAsync("body"), StringComparison.Ordinal);

        await interviewer.ClickAsync("[data-test=report-link]");
        await interviewer.WaitForSelectorAsync("text=Post-interview evaluation");
        Assert.Contains("Ada Candidate", await interviewer.InnerTextAsync("body"), StringComparison.Ordinal);
        Assert.Contains("PRIVATE-NOTE-7731", await interviewer.InnerTextAsync("body"), StringComparison.Ordinal);
        await interviewer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "interview-report.png"), FullPage = true });

        // The dashboard lists it, evaluated, and places it in the bar for its level and scenario.
        await interviewer.GotoAsync($"{server.Url}/interviews");
        await interviewer.WaitForSelectorAsync("[data-live=true]");
        var list = await interviewer.InnerTextAsync("[data-test=interview-list]");
        Assert.Contains("Ada Candidate", list, StringComparison.Ordinal);
        Assert.Contains("ended", list, StringComparison.Ordinal);
        Assert.Contains("attention-scaling-missing", await interviewer.InnerTextAsync("[data-test=bar]"), StringComparison.Ordinal);
        await interviewer.SelectOptionAsync("[data-test=kind-filter]", "Practice");
        await interviewer.Locator("[data-test=interview-list] >> text=Ada Candidate").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await interviewer.GoBackAsync();

        // The candidate's link opens neither the console nor the list nor the report.
        await interviewer.WaitForURLAsync("**/report");
        var consoleUrl = interviewer.Url.Replace("/report", "", StringComparison.Ordinal).Replace("/interviews/", "/console/", StringComparison.Ordinal);
        await candidate.GotoAsync(consoleUrl);
        Assert.Contains("/account/login", candidate.Url, StringComparison.Ordinal);
        var report = await candidate.GotoAsync(interviewer.Url);
        Assert.DoesNotContain("Post-interview evaluation", await candidate.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_crash_both_the_interviewer_and_the_candidate_resume_with_nothing_lost()
    {
        await using var session = await BrowserSession.StartAsync();
        var (server, browser) = (session.Server, session.Browser);
        var interviewer = await Browser.SignUpAsync(browser, server);
        await interviewer.WaitForSelectorAsync("[data-live=true]");
        await interviewer.FillAsync("[data-test=candidate]", "Bob Candidate");
        await interviewer.SelectOptionAsync("[data-test=scenario]", "attention-scaling-missing");
        await interviewer.ClickAsync("[data-test=create]");
        var link = (await interviewer.InnerTextAsync("[data-test=candidate-link]")).Trim();
        await interviewer.ClickAsync("[data-test=open-console]");
        await interviewer.WaitForSelectorAsync("[data-live=true]");
        var console = interviewer.Url;
        var candidate = await browser.PatientPageAsync();
        await candidate.GotoAsync(link);
        await Browser.StartInterviewAsync(candidate);
        await Browser.SayAsync(candidate, "Maybe exploding gradients. Can I see the gradient norms?");
        await interviewer.WaitForSelectorAsync("text=Can I see the gradient norms?");
        await interviewer.ClickAsync("[data-test=release-grad_norms]");
        await candidate.WaitForSelectorAsync("[data-test=evidence-grad_norms]");

        server.Kill();
        await using var again = new WebServer(server.DataFolder);
        await again.StartAsync();
        await candidate.GotoAsync(link.Replace(server.Url, again.Url, StringComparison.Ordinal));
        await candidate.WaitForSelectorAsync("[data-live=true]");
        await candidate.WaitForSelectorAsync("[data-test=evidence-grad_norms]");
        // The interviewer's sign-in cookie was issued by the first process; the data-protection keys persist in the
        // data folder, so it still works on the restarted server.
        await interviewer.GotoAsync(console.Replace(server.Url, again.Url, StringComparison.Ordinal));
        await interviewer.WaitForSelectorAsync("[data-live=true]");
        Assert.Contains("Can I see the gradient norms?", await interviewer.InnerTextAsync("[data-test=conversation]"), StringComparison.Ordinal);
        Assert.Equal("released", (await interviewer.InnerTextAsync("[data-test=release-grad_norms]")).Trim());
        await Browser.SayAsync(candidate, "Layer-wise next: can I see the layer-wise gradient norms?");
        await interviewer.WaitForSelectorAsync("text=can I see the layer-wise gradient norms?");
    }

    [Fact]
    public async Task The_console_issues_a_new_link_and_the_old_one_stops_working()
    {
        await using var session = await BrowserSession.StartAsync();
        var (server, browser) = (session.Server, session.Browser);
        var interviewer = await Browser.SignUpAsync(browser, server);
        await interviewer.WaitForSelectorAsync("[data-live=true]");
        await interviewer.FillAsync("[data-test=candidate]", "Ada Candidate");
        await interviewer.ClickAsync("[data-test=create]");
        var old = (await interviewer.InnerTextAsync("[data-test=candidate-link]")).Trim();
        await interviewer.ClickAsync("[data-test=copy-link]");
        await interviewer.WaitForSelectorAsync("[data-test=copy-link] >> text=/Copied|Press Ctrl\\+C/");

        await interviewer.ClickAsync("[data-test=open-console]");
        await interviewer.WaitForURLAsync("**/console/**");
        // Not started yet: the console waits for the candidate, and can already replace the link.
        await interviewer.ClickAsync("[data-live=true] [data-test=reissue-link]");
        var fresh = (await interviewer.InnerTextAsync("[data-test=new-link]")).Trim();
        Assert.NotEqual(old, fresh);

        var candidate = await browser.PatientPageAsync();
        await candidate.GotoAsync(old);
        await candidate.WaitForSelectorAsync("text=This link does not open an interview");
        await candidate.GotoAsync(fresh);
        await Browser.StartInterviewAsync(candidate);
    }

    [Fact]
    public async Task Setup_is_refused_once_an_account_exists()
    {
        await using var session = await BrowserSession.StartAsync();
        var (server, browser) = (session.Server, session.Browser);
        await Browser.SignUpAsync(browser, server);
        var other = await browser.PatientPageAsync();
        await other.GotoAsync($"{server.Url}/account/setup");
        Assert.Contains("already set up", await other.InnerTextAsync("main"), StringComparison.Ordinal);
    }
}
