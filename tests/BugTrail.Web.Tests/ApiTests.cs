using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace BugTrail.Web.Tests;

/// <summary>The REST API an applicant-tracking system uses, with an interviewer's API key.</summary>
public class ApiTests
{
    [Fact]
    public async Task An_ats_creates_an_interview_gets_links_and_fetches_the_evaluation_and_report()
    {
        await using var session = await BrowserSession.StartAsync();
        var (server, browser) = (session.Server, session.Browser);
        var page = await Browser.SignUpAsync(browser, server);
        await page.GotoAsync($"{server.Url}/account/api-key");
        await page.ClickAsync("[data-test=issue-key]");
        var key = (await page.InnerTextAsync("[data-test=api-key]")).Trim();

        using var anonymous = new HttpClient { BaseAddress = new Uri(server.Url) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/interviews", new { candidate = "Ada", scenario = "missing-zero-grad" })).StatusCode);
        using var wrong = new HttpClient { BaseAddress = new Uri(server.Url) };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bt_not-a-real-key-at-all-0000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync($"/api/interviews/{Guid.NewGuid()}/evaluation")).StatusCode);

        using var ats = new HttpClient { BaseAddress = new Uri(server.Url) };
        ats.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var bad = await ats.PostAsJsonAsync("/api/interviews", new { candidate = "Ada", scenario = "no-such-bug" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("unknown scenario 'no-such-bug'", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await ats.PostAsJsonAsync("/api/interviews", new { candidate = "Ada Lovelace", scenario = "missing-zero-grad", format = "code-review", level = "junior" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = body.GetProperty("id").GetString();
        var link = body.GetProperty("candidate_link").GetString()!;
        // Not started: the link opens the welcome screen, and nothing of the scenario; the evaluation is not there yet.
        var welcome = await anonymous.GetStringAsync(link);
        Assert.Contains("Start the interview", welcome, StringComparison.Ordinal);
        Assert.DoesNotContain("train_delivery.py", welcome, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await ats.GetAsync($"/api/interviews/{id}/evaluation")).StatusCode);

        // The candidate starts, and opens the same link again in a second browser: that is logged for the interviewer.
        var room = await browser.PatientPageAsync();
        await room.GotoAsync(link);
        await Browser.StartInterviewAsync(room);
        Assert.Contains("train_delivery.py", await anonymous.GetStringAsync(link), StringComparison.Ordinal);   // a code-review room opens with the code
        var second = await browser.PatientPageAsync();
        await second.GotoAsync(link);
        await second.WaitForSelectorAsync("[data-live=true]");

        var rotated = JsonDocument.Parse(await (await ats.PostAsync($"/api/interviews/{id}/link", null)).Content.ReadAsStringAsync()).RootElement.GetProperty("link").GetString()!;
        // A room already open on the replaced link stops showing the interview.
        await room.WaitForSelectorAsync("[data-test=replaced]");
        Assert.Equal(0, await room.Locator("[data-test=message]").CountAsync());
        Assert.NotEqual(link, rotated);
        Assert.Contains("This link does not open an interview", await anonymous.GetStringAsync(link), StringComparison.Ordinal);
        Assert.DoesNotContain("This link does not open an interview", await anonymous.GetStringAsync(rotated), StringComparison.Ordinal);

        var evaluation = JsonDocument.Parse(await ats.GetStringAsync($"/api/interviews/{id}/evaluation")).RootElement;
        Assert.Equal(["debugging_process", "technical_knowledge", "communication", "speed", "overall"], evaluation.GetProperty("scores").EnumerateObject().Select(p => p.Name));
        var markdown = await ats.GetStringAsync($"/api/interviews/{id}/report");
        Assert.Contains("second_room: the candidate link was opened in a second browser", markdown, StringComparison.Ordinal);
        Assert.StartsWith("# Post-interview evaluation", markdown, StringComparison.Ordinal);
        Assert.Matches(@"missing-zero-grad` · code review · easy \(expected 5–7 min\) · version [0-9a-f]{16}\n", markdown);

        var openapi = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/interviews", "/api/interviews/{id}/link", "/api/interviews/{id}/evaluation", "/api/interviews/{id}/report" })
            Assert.True(openapi.TryGetProperty(path, out var _), $"{path} missing from the OpenAPI document");
    }
}
