using BugTrail.Core.Evaluation;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Tests.Evaluation;

/// <summary>
/// Follow-up answers are graded by meaning as well as by the key points' terms; where the reading is unsure, the checklist
/// item is left for a person instead of failed, and the report says the recommendation depends on it.
/// </summary>
public class ReviewTests
{
    private static readonly BugTrail.Core.Scenarios.FollowUp UpdateRule =
        ShippedBank.Scenario("missing-zero-grad").FollowUps.Single(f => f.Id == "update-rule");

    private static IPointReader Meaning => Readers.Meaning;

    [Fact]
    public void A_key_point_made_in_other_words_counts_with_the_model_and_not_with_the_terms_alone()
    {
        // None of the point's terms ("old weights", "stale", "earlier weights"…), the same idea.
        const string answer = "Each gradient being added was measured where the parameters used to be many updates ago, not where they are now.";
        Assert.DoesNotContain("the old gradients were computed at old weights", FollowUpGrading.GradeAnswer(UpdateRule, answer, TimeSpan.Zero).StrongPointsMade);
        Assert.Contains("the old gradients were computed at old weights", FollowUpGrading.GradeAnswer(UpdateRule, answer, TimeSpan.Zero, Meaning).StrongPointsMade);
    }

    [Fact]
    public void A_sentence_nearer_a_wrong_answer_earns_no_key_point_however_close_it_is()
    {
        const string answer = "Honestly it's the same as SGD with momentum 0.9, the update is basically the usual one.";
        var grade = FollowUpGrading.GradeAnswer(UpdateRule, answer, TimeSpan.Zero, Meaning);
        Assert.DoesNotContain("that is momentum with coefficient 1, which never decays", grade.StrongPointsMade);
        Assert.Contains("says it is the same as momentum 0.9 or as normal SGD", grade.WeakPointsMade);
    }

    [Fact]
    public void An_unmet_item_resting_on_an_unsure_reading_is_left_for_review_and_counts_neither_way()
    {
        var run = ShippedBank.Replay("part1-worked-interview.yaml");
        var evaluation = Evaluator.Evaluate(run.Interview.Log, ShippedBank.Scenario, Readers.Meaning);
        IReadOnlyList<ChecklistItem> Unsure(IReadOnlyList<ChecklistItem> items) =>
            [.. items.Select(i => i.Id == "understands_implications" ? i with { Met = false, ComputedMet = false, NeedsReview = true } : i)];
        var unsure = evaluation with
        {
            Checklist = Unsure(evaluation.Checklist),
            Scenarios = [.. evaluation.Scenarios.Select(s => s with { Checklist = Unsure(s.Checklist) })],
        };
        var report = BugTrail.Core.Reports.MarkdownReport.Write(new BugTrail.Core.Reports.ReportInput(unsure, run.Interview.Log, null));
        Assert.Contains("**(needs review)**", report, StringComparison.Ordinal);
        Assert.Contains("depends on 1 checklist item(s) that need a person's review", report, StringComparison.Ordinal);
    }

    private static BugTrail.Core.Sessions.Interview FoundInCodeReview()
    {
        var start = BugTrail.Core.Replay.ReplayRunner.Origin;
        var i = BugTrail.Core.Sessions.Interview.Start(BugTrail.Core.Sessions.InterviewPlan.Single(ShippedBank.Scenario("missing-zero-grad"),
            BugTrail.Core.Scenarios.InterviewFormat.CodeReview, BugTrail.Core.Scenarios.Level.Junior, TimeSpan.FromMinutes(20)), start, ShippedBank.Scenario, Readers.Meaning);
        i.Say("The loop never calls optimizer.zero_grad(), so each backward() adds onto the gradients of every earlier step.", start.AddMinutes(3));
        return i;
    }

    [Fact]
    public void A_question_never_asked_is_not_failed_but_left_for_review()
    {
        var e = Evaluator.Evaluate(FoundInCodeReview().Log, ShippedBank.Scenario, Readers.Meaning);
        var implications = e.Checklist.Single(i => i.Id == "understands_implications");
        Assert.True(implications.NeedsReview, implications.Evidence);
        Assert.Contains(implications, e.NeedsReview);
        Assert.DoesNotContain(e.Scenarios[0].Improvements, x => x.Contains("implications", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void In_code_review_a_bug_read_straight_off_the_code_needs_no_list_of_hypotheses()
    {
        var e = Evaluator.Evaluate(FoundInCodeReview().Log, ShippedBank.Scenario, Readers.Meaning);
        var formed = e.Checklist.Single(i => i.Id == "forms_hypotheses");
        Assert.True(formed.Met, formed.Evidence);
    }
}
