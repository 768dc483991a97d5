using BugTrail.Core.Evaluation;
using BugTrail.Core.Policy;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;

namespace BugTrail.Core.Tests.Policy;

/// <summary>The practice debrief holds the answer, so it exists only once the session has ended.</summary>
public class PracticeDebriefTests
{
    private static readonly DateTimeOffset Start = BugTrail.Core.Replay.ReplayRunner.Origin;

    [Fact]
    public void There_is_no_debrief_before_the_end_and_after_it_the_answer_with_the_evaluation()
    {
        var scenario = ShippedBank.Scenario("missing-zero-grad");
        var interview = Interview.Start(InterviewPlan.Single(scenario, InterviewFormat.CodeReview, Level.Junior), Start, ShippedBank.Scenario, Readers.Meaning);
        interview.Say("The loop never calls optimizer.zero_grad(), so gradients add up across steps.", Start.AddMinutes(4));
        Assert.Null(PracticeDebrief.Of(interview.State, interview.Log, ShippedBank.Scenario, Readers.Meaning));

        interview.Act(new InterviewerAction(ActionKind.End, "You ended the practice session.") { ScenarioId = scenario.Id }, Start.AddMinutes(6));
        var debrief = PracticeDebrief.Of(interview.State, interview.Log, ShippedBank.Scenario, Readers.Meaning)!;
        var evaluation = Evaluator.Evaluate(interview.Log, ShippedBank.Scenario, Readers.Meaning);
        Assert.Equal((evaluation.Scores, evaluation.Recommendation, Level.Junior), (debrief.Scores, debrief.Recommendation, debrief.Level));
        var only = Assert.Single(debrief.Scenarios);
        Assert.Equal((scenario.RootCause.Summary, scenario.Fix.Summary, scenario.KeyLearning), (only.RootCause, only.Fix, only.KeyLearning));
        Assert.True(only.Solved);
        Assert.Contains("+ ", only.FixDiff, StringComparison.Ordinal);
        Assert.Contains("zero_grad", only.FixDiff, StringComparison.Ordinal);
    }
}
