using BugTrail.Core.Understanding;
using BugTrail.Core.Policy;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Scenarios.Loading;
using BugTrail.Core.Sessions;

namespace BugTrail.Core.Replay;

public sealed record TimedAction(TimeSpan At, InterviewerAction Action);

public sealed record ReplayResult(Interview Interview, IReadOnlyList<TimedAction> Actions);

/// <summary>Plays a scripted candidate against the interviewer on a virtual clock.</summary>
public static class ReplayRunner
{
    /// <summary>The virtual clock's origin: any fixed instant works, since only offsets matter.</summary>
    public static readonly DateTimeOffset Origin = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public static ReplayResult Run(ReplayScript script, ScenarioBank bank, IReader reader, string path = "replay")
    {
        var chosen = script.Scenarios.Select(s => (s, Scenario: bank.Find(s.ScenarioId))).ToList();
        foreach (var (s, scenario) in chosen)
        {
            if (scenario is null) throw new ReplayFormatException(new(path, 1, $"unknown scenario '{s.ScenarioId}'; 'bugtrail scenarios list' shows the ids"));
            if (!scenario.Formats.Contains(s.Format))
                throw new ReplayFormatException(new(path, 1, $"scenario '{s.ScenarioId}' is not offered in {WireNames.Of(s.Format)} format"));
        }
        var plan = script.FortyFivePlan
            ? chosen.Count == 2
                ? InterviewPlan.FortyFive(script.Level, (chosen[0].s.ScenarioId, chosen[0].s.Format), (chosen[1].s.ScenarioId, chosen[1].s.Format))
                : InterviewPlan.FortyFiveHard(script.Level, chosen[0].s.ScenarioId, chosen[0].s.Format)
            : InterviewPlan.Single(chosen[0].Scenario!, chosen[0].s.Format, script.Level, script.Minutes);

        return Run(plan, script.Turns, script.EndAt, bank, reader);
    }

    /// <summary>Plays turns against a plan: a scripted candidate, or the candidate's turns of a stored session.</summary>
    public static ReplayResult Run(InterviewPlan plan, IReadOnlyList<ScriptedTurn> turns, TimeSpan? endAt, ScenarioBank bank, IReader reader)
    {
        var actions = new List<TimedAction>();
        void Record(Interview interview)
        {
            // The log holds when each action happened (a time-driven one at its due moment, not at the next turn).
            var stamped = interview.Log.OfType<InterviewerActed>().Skip(actions.Count).ToList();
            actions.AddRange(stamped.Select(e => new TimedAction(e.At - Origin, e.Action)));
        }
        var interview = Interview.Start(plan, Origin, id => bank.Find(id)!, reader);
        Record(interview);
        foreach (var turn in turns)
        {
            interview.Say(turn.Say, Origin + turn.At);
            Record(interview);
        }
        var end = endAt ?? (turns.Count > 0 ? turns[^1].At : TimeSpan.Zero);
        interview.AdvanceTo(Origin + end);
        Record(interview);
        return new ReplayResult(interview, actions);
    }
}
