using System.Text;
using Microsoft.Playwright;

namespace BugTrail.Web.Tests;

/// <summary>
/// The candidate room is a security boundary. A scenario with canary strings planted in every hidden field
/// is run in a private bank; no canary may reach the candidate's browser — in any HTTP response or any
/// circuit frame — unless its evidence has been released.
/// </summary>
public class LeakTests
{
    private static readonly Dictionary<string, string> Canaries = new()
    {
        ["fix"] = "CANARYFIX7Q",
        ["root_cause"] = "CANARYROOT3K",
        ["explanation"] = "CANARYEXPLAIN9Z",
        ["key_learning"] = "CANARYLEARN5W",
        ["hint_gentle"] = "CANARYHINTG1",
        ["hint_direct"] = "CANARYHINTD2",
        ["hint_strong"] = "CANARYHINTS3",
        ["follow_up"] = "CANARYFOLLOW8P",
        ["key_point"] = "CANARYPOINT4M",
        ["fact"] = "CANARYFACT6R",
        ["layer_grad_norms"] = "CANARYLAYERS2V",
        ["attention_stats"] = "CANARYATTN5T",
        ["grad_norms"] = "CANARYGRADS1N",
        ["component"] = "CANARYCOMPONENT9",
    };

    /// <summary>The worked-interview scenario with a canary planted in each hidden field, as a private bank.</summary>
    internal static string CanaryBank()
    {
        var source = Path.Combine(Browser.RepoRoot(), "scenarios", "attention-scaling-missing");
        var bank = Directory.CreateTempSubdirectory("bugtrail-canary-").FullName;
        var folder = Directory.CreateDirectory(Path.Combine(bank, "canary")).FullName;
        File.Copy(Path.Combine(source, "buggy.py"), Path.Combine(folder, "buggy.py"));
        File.Copy(Path.Combine(source, "fixed.py"), Path.Combine(folder, "fixed.py"));
        var yaml = new StringBuilder(File.ReadAllText(Path.Combine(source, "scenario.yaml")))
            .Replace("id: attention-scaling-missing", "id: canary-scenario")
            .Replace("title: Loss turns NaN at step 2147 in a 500M-parameter language model", "title: Canary scenario with a NaN loss")
            .Replace("  summary: \"Divide the scores by", $"  summary: \"{Canaries["fix"]} Divide the scores by")
            .Replace("  summary: The attention scores are never divided", $"  summary: {Canaries["root_cause"]} The attention scores are never divided")
            .Replace("explanation: |\n", $"explanation: |\n  {Canaries["explanation"]}\n")
            .Replace("key_learning: Attention logits", $"key_learning: {Canaries["key_learning"]} Attention logits")
            .Replace("  gentle: What kind of problem", $"  gentle: {Canaries["hint_gentle"]} What kind of problem")
            .Replace("  direct: Which operations", $"  direct: {Canaries["hint_direct"]} Which operations")
            .Replace("  strong: What size", $"  strong: {Canaries["hint_strong"]} What size")
            .Replace("    question: Why did this happen at step 2144–2147", $"    question: {Canaries["follow_up"]} Why did this happen at step 2144–2147")
            .Replace("      - name: the projections and so the raw logits grow during training", $"      - name: {Canaries["key_point"]} the projections grow")
            .Replace("    answer: Yes, every 500 steps;", $"    answer: {Canaries["fact"]} Yes, every 500 steps;")
            .Replace("    title: Gradient norm per layer (attention and MLP sub-blocks)", $"    title: {Canaries["layer_grad_norms"]} Gradient norm per layer (attention and MLP sub-blocks)")
            .Replace("    title: Largest pre-softmax attention score", $"    title: {Canaries["attention_stats"]} Largest pre-softmax attention score")
            .Replace("    title: Global gradient norm after unscaling", $"    title: {Canaries["grad_norms"]} Global gradient norm after unscaling")
            .Replace("  component: the self-attention module", $"  component: {Canaries["component"]} the self-attention module")
            .ToString();
        foreach (var canary in Canaries.Values) Assert.Contains(canary, yaml, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "scenario.yaml"), yaml);
        return bank;
    }

    [Fact]
    public async Task No_hidden_field_reaches_the_candidate_and_released_evidence_only_after_release()
    {
        await using var session = await BrowserSession.StartAsync(new Dictionary<string, string> { ["BugTrail__PracticeBanks__0"] = CanaryBank() });
        var (server, browser) = (session.Server, session.Browser);
        var page = await browser.PatientPageAsync();
        var seen = new StringBuilder();
        var released = false;
        var seenBeforeRelease = new StringBuilder();
        void Record(string text)
        {
            lock (seen)
            {
                seen.Append(text);
                if (!released) seenBeforeRelease.Append(text);
            }
        }
        page.Response += async (_, response) =>
        {
            try { Record(Encoding.UTF8.GetString(await response.BodyAsync())); } catch (PlaywrightException) { }
        };
        page.WebSocket += (_, ws) =>
        {
            ws.FrameReceived += (_, frame) => Record(frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []));
            ws.FrameSent += (_, frame) => Record(frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []));
        };

        await page.GotoAsync($"{server.Url}/practice");
        await page.WaitForSelectorAsync("[data-live=true]");
        await page.ClickAsync("[data-test=start-canary-scenario]");
        await page.WaitForURLAsync("**/room/**");
        await page.WaitForSelectorAsync("[data-live=true]");
        await Browser.SayAsync(page, "Maybe exploding gradients, or an fp16 overflow somewhere. Is gradient clipping on?");
        await Browser.SayAsync(page, "Can I see the whole codebase?");
        await Browser.SayAsync(page, "Can I just see all the code?");
        await Task.Delay(500);
        lock (seen) released = true;
        await Browser.SayAsync(page, "Can I see the gradient norms?");
        await page.WaitForSelectorAsync("[data-test=evidence-grad_norms]");
        await Task.Delay(500);

        string all, early;
        lock (seen) { all = seen.ToString(); early = seenBeforeRelease.ToString(); }
        Assert.Contains("Canary scenario with a NaN loss", all, StringComparison.Ordinal);   // the capture works
        Assert.Contains(Canaries["grad_norms"], all, StringComparison.Ordinal);             // released evidence arrives
        Assert.DoesNotContain(Canaries["grad_norms"], early, StringComparison.Ordinal);      // ... but not before its release
        foreach (var (field, canary) in Canaries.Where(c => c.Key != "grad_norms"))
            Assert.False(all.Contains(canary, StringComparison.Ordinal), $"the {field} canary reached the candidate");
        Assert.DoesNotContain("scores = Q @ K.transpose(-2, -1) / math.sqrt", all, StringComparison.Ordinal);   // the fixed code

        // Once the candidate ends the practice session, the debrief shows the root cause and the reference fix; still
        // nothing that was never part of the session (hints not given, unreleased evidence, follow-ups not asked, facts).
        await page.ClickAsync("[data-test=finish]");
        await page.ClickAsync("[data-test=finish-confirm]");
        await page.WaitForSelectorAsync("[data-test=debrief]");
        await Task.Delay(500);
        lock (seen) all = seen.ToString();
        Assert.Contains(Canaries["root_cause"], all, StringComparison.Ordinal);
        Assert.Contains(Canaries["fix"], all, StringComparison.Ordinal);
        Assert.Contains("/ math.sqrt", all, StringComparison.Ordinal);
        foreach (var field in new[] { "hint_gentle", "hint_direct", "hint_strong", "follow_up", "key_point", "fact", "layer_grad_norms", "attention_stats", "component" })
            Assert.False(all.Contains(Canaries[field], StringComparison.Ordinal), $"the {field} canary reached the candidate after the end");
    }
}
