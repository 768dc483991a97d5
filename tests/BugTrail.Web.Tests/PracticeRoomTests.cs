using Microsoft.Playwright;

namespace BugTrail.Web.Tests;

public class PracticeRoomTests
{
    private static async Task<IPage> StartPracticeAsync(IBrowser browser, WebServer server, string scenario, string level = "mid", string format = "production-debugging")
    {
        var page = await browser.PatientPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync($"{server.Url}/practice");
        await page.WaitForSelectorAsync("[data-live=true]");
        await Browser.StartPracticeAsync(page, scenario, format, level);
        return page;
    }

    [Fact]
    public async Task A_practice_session_is_solved_end_to_end_in_the_browser()
    {
        await using var session = await BrowserSession.StartAsync();
        var (server, browser) = (session.Server, session.Browser);
        var page = await StartPracticeAsync(browser, server, "attention-scaling-missing");

        Assert.Equal(0, await page.Locator("[data-test=evidence-grad_norms]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-test=code]").CountAsync());

        // A message half written survives a reload of the tab, and is gone once sent.
        const string draft = "My hypotheses: 1. gradient explosion 2. attention logits overflowing in fp16 3. a bad batch. Can I see the gradient norms?";
        await page.FillAsync("[data-test=message]", draft);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-live=true]");
        await Assertions.Expect(page.Locator("[data-test=message]")).ToHaveValueAsync(draft, new() { Timeout = 120_000 });

        await Browser.SayAsync(page, draft);
        await page.WaitForSelectorAsync("[data-test=evidence-grad_norms] svg");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-test=evidence-grad_norms] svg");
        await page.WaitForSelectorAsync("[data-live=true]");
        Assert.Equal("", await page.InputValueAsync("[data-test=message]"));
        await Browser.SayAsync(page, "Can I see the layer-wise gradient norms?");
        await page.WaitForSelectorAsync("[data-test=evidence-layer_grad_norms]");
        await Browser.SayAsync(page, "Layer 11 attention spikes first. Are the attention scores scaled by sqrt(d_head) in the code?");
        await page.WaitForSelectorAsync("[data-test=code]");
        Assert.Contains("scores = Q @ K.transpose(-2, -1)", await page.InnerTextAsync("[data-test=code]"), StringComparison.Ordinal);

        await Browser.SayAsync(page, "Found it: line 30, the attention scores are not scaled by sqrt(d_head). The fix is to divide by math.sqrt(self.d_head).");
        await page.WaitForSelectorAsync("text=Excellent catch.");
        await Browser.SayAsync(page, "The weights grow during training until a score passes fp16's 65504 and becomes inf; layer 11's weights grew fastest, other layers would follow.");
        await Browser.SayAsync(page, "I'd log the max attention score per layer and resume from the step 2000 checkpoint with the fix, running past 2147.");
        await Browser.SayAsync(page, "fp32 and bf16 reach about 3.4e38, so no overflow that early, but the saturated softmax still hurts.");
        await page.WaitForSelectorAsync("text=Do you have any questions for me?");
        // The conversation is longer than its pane by now, and shows its newest message (the wrap-up question).
        var overflow = await page.EvalOnSelectorAsync<double[]>("[data-test=conversation]", "list => [list.scrollHeight, list.clientHeight, list.scrollTop]");
        Assert.True(overflow[0] > overflow[1] + 100, $"the conversation fits its pane ({overflow[0]} vs {overflow[1]}); the check needs a longer one");
        Assert.True(overflow[0] - overflow[2] - overflow[1] < 80, $"not scrolled to the newest message: {string.Join(", ", overflow)}");
        // A reader who scrolled up to reread stays there; what arrives meanwhile is announced, and one click goes down to it.
        await page.EvalOnSelectorAsync("[data-test=conversation]", "list => { list.scrollTop = 0; list.dispatchEvent(new Event('scroll')); }");
        await Browser.SayAsync(page, "One question: how often do you see this kind of bug?");
        await page.WaitForSelectorAsync("[data-test=new-messages]:visible");
        Assert.Equal(0, await page.EvalOnSelectorAsync<double>("[data-test=conversation]", "list => list.scrollTop"));
        await page.ClickAsync("[data-test=new-messages]");
        var down = await page.EvalOnSelectorAsync<double[]>("[data-test=conversation]", "list => [list.scrollHeight, list.clientHeight, list.scrollTop]");
        Assert.True(down[0] - down[2] - down[1] < 80, $"the button did not bring the newest message into view: {string.Join(", ", down)}");
        await page.WaitForSelectorAsync("[data-test=ended]");
        // Practice teaches: the debrief shows the scores, the root cause and the reference fix as a diff, and offers another go.
        await page.WaitForSelectorAsync("[data-test=debrief]");
        Assert.Contains("sqrt", await page.InnerTextAsync("[data-test=debrief-root-cause]"), StringComparison.Ordinal);
        Assert.Contains("+ ", await page.InnerTextAsync("[data-test=debrief-fix]"), StringComparison.Ordinal);
        Assert.True(int.Parse(await page.InnerTextAsync("[data-test=debrief-overall]"), System.Globalization.CultureInfo.InvariantCulture) >= 70);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "practice-solved.png"), FullPage = true });
        await page.ClickAsync("[data-test=practice-again]");
        await page.WaitForURLAsync("**/practice");
    }

    [Fact]
    public async Task On_a_phone_the_room_fits_the_screen_and_send_stays_in_reach()
    {
        await using var session = await BrowserSession.StartAsync();
        var (server, browser) = (session.Server, session.Browser);
        var page = await browser.PatientPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync($"{server.Url}/practice");
        await page.WaitForSelectorAsync("[data-live=true]");
        await Browser.StartPracticeAsync(page, "causal-mask-diagonal", "code-review");
        await page.WaitForSelectorAsync("[data-test=code]");

        // The code scrolls inside its own box; the page itself never grows wider than the screen.
        var widths = await page.EvalOnSelectorAsync<double[]>("body", "b => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"the page is {widths[0]} px wide on a {widths[1]} px screen");
        // The message box and Send come first, within the first screen.
        var send = (await page.Locator("[data-test=send]").BoundingBoxAsync())!;
        Assert.True(send.X + send.Width <= 390 && send.Y + send.Height <= 844, $"Send is at ({send.X}, {send.Y})");
        // Ctrl+Enter sends, as in chat tools.
        var before = await page.Locator("[data-test=conversation] li").CountAsync();
        await page.FillAsync("[data-test=message]", "Which line builds the mask?");
        await page.PressAsync("[data-test=message]", "Control+Enter");
        await page.Locator("[data-test=conversation] li").Nth(before + 1).WaitForAsync();
        Assert.Equal("", await page.InputValueAsync("[data-test=message]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Artifacts, "room-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task Killing_the_server_mid_interview_loses_nothing_and_the_room_resumes()
    {
        await using var session = await BrowserSession.StartAsync();
        var (server, browser) = (session.Server, session.Browser);
        var page = await StartPracticeAsync(browser, server, "attention-scaling-missing");
        await Browser.SayAsync(page, "Maybe gradient explosion, or a bad batch. Can I see the gradient norms?");
        await page.WaitForSelectorAsync("[data-test=evidence-grad_norms]");
        var room = page.Url;

        server.Kill();
        await using var again = new WebServer(server.DataFolder);
        // Same data folder, a new port: the room's token still opens the same interview.
        await again.StartAsync();
        var resumed = await browser.PatientPageAsync();
        await resumed.GotoAsync(room.Replace(server.Url, again.Url, StringComparison.Ordinal));
        await resumed.WaitForSelectorAsync("[data-live=true]");
        await resumed.WaitForSelectorAsync("[data-test=evidence-grad_norms]");
        Assert.Contains("Can I see the gradient norms?", await resumed.InnerTextAsync("[data-test=conversation]"), StringComparison.Ordinal);
        await Browser.SayAsync(resumed, "Can I see the layer-wise gradient norms?");
        await resumed.WaitForSelectorAsync("[data-test=evidence-layer_grad_norms]");
    }

    [Fact]
    public async Task A_fix_proposed_by_editing_the_code_is_judged_and_acknowledged()
    {
        await using var session = await BrowserSession.StartAsync();
        var (server, browser) = (session.Server, session.Browser);
        var page = await StartPracticeAsync(browser, server, "missing-zero-grad", level: "junior", format: "code-review");
        await page.ClickAsync("[data-test=edit-code]");
        var code = await page.InputValueAsync("[data-test=code-editor]");
        var lines = code.Split('\n').ToList();
        var backward = lines.FindIndex(l => l.Contains("loss.backward()", StringComparison.Ordinal));
        lines.Insert(backward, new string(' ', lines[backward].Length - lines[backward].TrimStart().Length) + "optimizer.zero_grad()");
        await page.FillAsync("[data-test=code-editor]", string.Join('\n', lines));
        await page.ClickAsync("[data-test=propose-fix]");
        await page.WaitForSelectorAsync("text=Excellent catch.");
        Assert.Contains("+ ", await page.InnerTextAsync("li.patch"), StringComparison.Ordinal);
        Assert.Contains("optimizer.zero_grad()", await page.InnerTextAsync("li.patch"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_with_an_unknown_token_opens_nothing()
    {
        await using var server = new WebServer();
        await server.StartAsync();
        using var http = new HttpClient();
        var html = await http.GetStringAsync($"{server.Url}/room/not-a-real-token");
        Assert.Contains("This link does not open an interview", html, StringComparison.Ordinal);
    }
}
