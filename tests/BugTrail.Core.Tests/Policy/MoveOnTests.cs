using BugTrail.Core.Policy;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;

namespace BugTrail.Core.Tests.Policy;

public class MoveOnTests
{
    [Fact]
    public void A_person_moving_on_cuts_the_scenario_and_opens_the_next_then_wraps_up()
    {
        var start = BugTrail.Core.Replay.ReplayRunner.Origin;
        var plan = InterviewPlan.FortyFive(Level.Mid, ("missing-zero-grad", InterviewFormat.CodeReview), ("ddp-loss-averaging", InterviewFormat.ProductionDebugging));
        var interview = Interview.Start(plan, start, ShippedBank.Scenario, Readers.Meaning);

        var first = Interviewer.MoveOn(interview.State, start.AddMinutes(6));
        Assert.Equal([ActionKind.Cut, ActionKind.Present], first.Select(a => a.Kind));
        Assert.Equal("ddp-loss-averaging", first[1].ScenarioId);
        foreach (var a in first) interview.Act(a, start.AddMinutes(6));
        Assert.Equal("ddp-loss-averaging", interview.State.Active!.Scenario.Id);

        var second = Interviewer.MoveOn(interview.State, start.AddMinutes(20));
        Assert.Equal([ActionKind.Cut, ActionKind.WrapUp], second.Select(a => a.Kind));
    }
}
