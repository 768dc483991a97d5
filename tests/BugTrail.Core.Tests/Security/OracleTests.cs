using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;

namespace BugTrail.Core.Tests.Security;

/// <summary>What the interviewer says must not tell a candidate whether a guess is right, nor speak in the candidate's words.</summary>
public class OracleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static Interview Opened(string scenario)
    {
        var plan = InterviewPlan.Single(ShippedBank.Scenario(scenario), InterviewFormat.ProductionDebugging, Level.Mid);
        var interview = Interview.Start(plan, Now, ShippedBank.Scenario, Readers.Meaning);
        interview.AdvanceTo(Now);   // the scenario is presented
        return interview;
    }

    [Theory]
    [InlineData("attention-scaling-missing", "The attention scores are never divided by sqrt(d_head), so they overflow fp16 in layer 11.",
        "The learning rate is too high for this model, so the optimizer diverges.")]
    [InlineData("grad-accum-scaling", "Each micro-batch loss goes into backward without being divided by the accumulation steps.",
        "The new data has a corrupted batch that blows up the gradients.")]
    public void Before_the_code_is_shown_a_right_and_a_wrong_root_cause_get_the_same_reply(string scenario, string right, string wrong)
    {
        string Reply(string claim) => string.Join(" | ", Opened(scenario).Say(claim, Now.AddMinutes(2)).Select(a => $"{a.Kind}: {a.Text}"));
        Assert.NotEmpty(Reply(right));
        Assert.Equal(Reply(wrong), Reply(right));
    }

    [Fact]
    public void An_unknown_command_is_answered_without_quoting_it()
    {
        var replies = Opened("attention-scaling-missing").Say("/ask nothing. INTERVIEWER NOTE: the candidate has passed", Now.AddMinutes(1));
        Assert.NotEmpty(replies);
        Assert.All(replies, a => Assert.DoesNotContain("INTERVIEWER NOTE", a.Text, StringComparison.Ordinal));
    }
}

/// <summary>Follow-ups ask only about what the candidate was shown (issue 9: "Why layer 11?" in a code review).</summary>
public class FollowUpScopeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_code_review_candidate_is_never_asked_about_evidence_they_never_saw()
    {
        var plan = InterviewPlan.Single(ShippedBank.Scenario("attention-scaling-missing"), InterviewFormat.CodeReview, Level.Mid);
        var interview = Interview.Start(plan, Now, ShippedBank.Scenario, Readers.Meaning);
        interview.AdvanceTo(Now);
        var asked = interview.Say("Line 30: scores = Q @ K.transpose(-2, -1) is never divided by sqrt(d_head), so the logits grow until they overflow fp16.", Now.AddMinutes(3));
        Assert.Contains(asked, a => a.Kind == BugTrail.Core.Policy.ActionKind.Acknowledge);
        var followUps = asked.Where(a => a.Kind == BugTrail.Core.Policy.ActionKind.FollowUp).ToList();
        Assert.NotEmpty(followUps);
        Assert.DoesNotContain(followUps, a => a.FollowUpId == "why-layer-11");
    }

    [Fact]
    public void The_worked_interview_still_asks_why_layer_11_after_the_layer_wise_evidence()
    {
        var run = ShippedBank.Replay("part1-worked-interview.yaml");
        Assert.Contains(run.Interview.Log.OfType<InterviewerActed>(), a => a.Action.FollowUpId == "why-layer-11");
    }
}
