using BugTrail.Core.Policy;
using BugTrail.Core.Scenarios;
using static BugTrail.Core.Tests.Policy.ReplayAssertions;

namespace BugTrail.Core.Tests.Policy;

/// <summary>The guide's Part 1, replayed: the automated interviewer does what the guide's interviewer did.</summary>
public class WorkedInterviewTests
{
    private static readonly Lazy<BugTrail.Core.Replay.ReplayResult> Run = new(() => ShippedBank.Replay("part1-worked-interview.yaml"));

    [Fact]
    public void It_plays_out_as_the_guides_interviewer_did()
    {
        Assert.Equal(
        [
            ActionKind.Present, ActionKind.Release, ActionKind.ShowCode, ActionKind.Clarify, ActionKind.Acknowledge, ActionKind.FollowUp,
            ActionKind.AskVerify, ActionKind.FollowUp, ActionKind.WrapUp, ActionKind.End,
        ], Run.Value.Sequence());
    }

    [Fact]
    public void Gradient_norms_come_when_asked_then_the_layer_wise_breakdown()
    {
        var releases = Run.Value.Of(ActionKind.Release);
        Assert.Equal([EvidenceKind.GradNorms, EvidenceKind.LayerGradNorms], releases.Select(r => r.Action.Evidence!.Value));
        Assert.Equal([M(2), M(3.5)], releases.Select(r => r.At));
    }

    [Fact]
    public void The_code_comes_after_the_candidate_narrows_to_layer_11_attention()
    {
        var code = Run.Value.First(ActionKind.ShowCode);
        Assert.Equal(M(4.5), code.At);
        Assert.True(code.Action.ShowsCode);
    }

    [Fact]
    public void The_missing_scaling_is_acknowledged_then_why_step_and_why_layer_are_asked_at_once()
    {
        var ack = Run.Value.First(ActionKind.Acknowledge);
        Assert.Equal(M(5.5), ack.At);
        var first = Run.Value.Of(ActionKind.FollowUp).Where(f => f.At == ack.At).Select(f => f.Action.FollowUpId).ToList();
        Assert.Equal(["why-this-step", "why-layer-11"], first);
    }

    [Fact]
    public void Verification_is_asked_then_the_fp32_question()
    {
        Assert.Equal(M(7), Run.Value.First(ActionKind.AskVerify).At);
        var last = Run.Value.Of(ActionKind.FollowUp)[^1];
        Assert.Equal("dtype-effect", last.Action.FollowUpId);
        Assert.Contains("fp32", last.Action.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_hint_is_needed() => Assert.Empty(Run.Value.Of(ActionKind.Hint));

    [Fact]
    public void Replaying_the_stored_log_gives_the_same_state()
    {
        var interview = Run.Value.Interview;
        var again = BugTrail.Core.Sessions.SessionFold.Replay(interview.Log, ShippedBank.Scenario, Readers.Meaning);
        Assert.Equal(interview.State.Slots[0].BugFoundAt, again.Slots[0].BugFoundAt);
        Assert.Equal(interview.State.Slots[0].Released, again.Slots[0].Released);
        Assert.Equal(interview.State.EndedAt, again.EndedAt);
    }
}
