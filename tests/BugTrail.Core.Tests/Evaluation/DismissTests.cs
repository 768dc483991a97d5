using BugTrail.Core.Evaluation;
using BugTrail.Core.Reports;

namespace BugTrail.Core.Tests.Evaluation;

/// <summary>An interviewer dismisses a red flag they judge false, with a reason: it no longer counts, and the report keeps it struck.</summary>
public class DismissTests
{
    [Fact]
    public void A_dismissed_red_flag_stops_counting_and_the_report_shows_it_struck_with_the_reason()
    {
        var run = ShippedBank.Replay("gives-up.yaml");
        var before = Evaluator.Evaluate(run.Interview.Log, ShippedBank.Scenario, Readers.Meaning);
        var flag = Assert.Single(before.RedFlags, f => f.Severity == Severity.Major && f.Id == "gives_up");

        run.Interview.Override(new RedFlagOverride(flag.Id, "said it as a joke, kept working"), "lead", run.Interview.Log[^1].At);
        var after = Evaluator.Evaluate(run.Interview.Log, ShippedBank.Scenario, Readers.Meaning);

        Assert.DoesNotContain(after.RedFlags, f => f.Id == flag.Id);
        Assert.Contains(after.Scenarios[0].DismissedRedFlags, f => f.Id == flag.Id);
        Assert.Equal(before.ComputedRecommendation, after.ComputedRecommendation);   // what was computed stays on record
        var report = MarkdownReport.Write(new ReportInput(after, run.Interview.Log, null));
        Assert.Contains("dismissed by the interviewer: said it as a joke, kept working", report, StringComparison.Ordinal);
    }
}
