using BugTrail.Core.Evaluation;
using BugTrail.Core.Reports;

namespace BugTrail.Core.Tests.Evaluation;

/// <summary>The report carries the whole conversation, so every judgement in it can be checked against what was said.</summary>
public class TranscriptTests
{
    [Fact]
    public void Both_reports_hold_the_conversation_in_order_with_each_move_named()
    {
        var run = ShippedBank.Replay("part1-worked-interview.yaml");
        var input = new ReportInput(Evaluator.Evaluate(run.Interview.Log, ShippedBank.Scenario, Readers.Meaning), run.Interview.Log, null);
        var md = MarkdownReport.Write(input);
        var html = HtmlReport.Write(input);
        var transcript = md[md.IndexOf("## Transcript", StringComparison.Ordinal)..];
        var asked = transcript.IndexOf("Can I see the gradient norms for steps 2143-2147?", StringComparison.Ordinal);
        var released = transcript.IndexOf("**interviewer (release)**", StringComparison.Ordinal);
        Assert.True(asked > 0 && released > asked, "the request comes before the release it got");
        Assert.Contains("**interviewer (acknowledge)**: Excellent catch.", transcript, StringComparison.Ordinal);
        Assert.Contains("<h2>Transcript</h2>", html, StringComparison.Ordinal);
        Assert.Contains("interviewer · follow up", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patch_is_summarised_not_pasted_whole()
    {
        var lines = Transcript.Of([.. ShippedBank.Replay("part1-worked-interview.yaml").Interview.Log.Take(1),
            new BugTrail.Core.Sessions.CandidateSaid(BugTrail.Core.Replay.ReplayRunner.Origin.AddMinutes(3), "/patch\nline one\nline two\n")]);
        Assert.Equal("(proposed a fix as an edited file of 2 lines)", Assert.Single(lines).Text);
    }
}
