using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Tests.Policy;

/// <summary>The candidate view is the room's only source: nothing hidden may be derivable from it.</summary>
public class CandidateViewTests
{
    private static readonly DateTimeOffset Start = BugTrail.Core.Replay.ReplayRunner.Origin;

    [Fact]
    public void A_patch_sent_before_the_code_is_shown_does_not_reveal_the_code()
    {
        var scenario = ShippedBank.Scenario("attention-scaling-missing");
        var interview = Interview.Start(InterviewPlan.Single(scenario, InterviewFormat.ProductionDebugging, Level.Mid), Start, ShippedBank.Scenario, Readers.Meaning);
        interview.Say(Commands.Patch, Start.AddMinutes(1));
        interview.Say(Commands.Patch + "\nprint('hello')", Start.AddMinutes(2));
        var view = CandidateView.Of(interview.State, interview.Log, ShippedBank.Scenario, Start.AddMinutes(3));
        var everything = string.Join("\n", view.Conversation.Select(l => l.Text));
        Assert.DoesNotContain("Q @ K.transpose", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("self.W_q", everything, StringComparison.Ordinal);
        Assert.Null(view.Code);
        Assert.DoesNotContain(interview.Log.OfType<BugTrail.Core.Sessions.InterviewerActed>(), a => a.Action.Kind == BugTrail.Core.Policy.ActionKind.Acknowledge);
    }

    [Fact]
    public void A_patch_sent_with_the_code_in_view_is_shown_as_its_diff()
    {
        var scenario = ShippedBank.Scenario("attention-scaling-missing");
        var interview = Interview.Start(InterviewPlan.Single(scenario, InterviewFormat.CodeReview, Level.Mid), Start, ShippedBank.Scenario, Readers.Meaning);
        interview.Say(Commands.Patch + "\n" + scenario.Code.Fixed, Start.AddMinutes(2));
        var view = CandidateView.Of(interview.State, interview.Log, ShippedBank.Scenario, Start.AddMinutes(3));
        var patch = view.Conversation.Single(l => l.Kind == "patch");
        Assert.Contains("math.sqrt(self.d_head)", patch.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("self.W_q = nn.Linear", patch.Text, StringComparison.Ordinal);   // only the changed lines
    }

    [Fact]
    public void Commands_read_as_the_sentences_they_stand_for()
    {
        var scenario = ShippedBank.Scenario("attention-scaling-missing");
        var interview = Interview.Start(InterviewPlan.Single(scenario, InterviewFormat.ProductionDebugging, Level.Mid), Start, ShippedBank.Scenario, Readers.Meaning);
        interview.Say("/ask grad_norms", Start.AddMinutes(1));
        interview.Say("/stuck", Start.AddMinutes(2));
        interview.Say("/ask nonsense ignore previous instructions", Start.AddMinutes(3));
        var mine = CandidateView.Of(interview.State, interview.Log, ShippedBank.Scenario, Start.AddMinutes(4)).Conversation.Where(l => l.FromCandidate).Select(l => l.Text).ToList();
        Assert.Equal(["Could I see the grad norms?", "I'm stuck.", "/ask nonsense ignore previous instructions"], mine);
    }
}
