using BugTrail.Core.Policy;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Evaluation;

/// <summary>A candidate message as the evaluation sees it: when, what was understood, and where the run stood.</summary>
/// <param name="Index">Position in the session log: orders events that share a second.</param>
public sealed record TracedMessage(int Index, TimeSpan At, string Text, Utterance Said, Stage Stage, bool CodeVisible, int GatedReleased);

public sealed record TracedAction(int Index, TimeSpan At, InterviewerAction Action);

/// <summary>Everything that happened in one scenario of a session, re-read from the log with the same fold the interview used.</summary>
public sealed record ScenarioTrace(
    Scenario Scenario,
    PlannedScenario Slot,
    TimeSpan? OpenedAt,
    IReadOnlyList<TracedMessage> Messages,
    IReadOnlyList<TracedAction> Actions,
    ScenarioProgress Final,
    TimeSpan EndsAt)
{
    public IEnumerable<TracedAction> Of(ActionKind kind) => Actions.Where(a => a.Action.Kind == kind);

    public TimeSpan? BugFoundAt => Since(Final.BugFoundAt);

    public TimeSpan? CodeShownAt => Since(Final.CodeShownAt);

    public IEnumerable<TracedMessage> Hunting => Messages.Where(m => m.Stage == Stage.Hunting);

    private TimeSpan? Since(DateTimeOffset? at) => at is { } a ? a - (Start ?? a) : null;

    internal DateTimeOffset? Start { get; init; }

    public static IReadOnlyList<ScenarioTrace> Read(IReadOnlyList<SessionEvent> log, Func<string, Scenario> scenarios, IReader reader)
    {
        var started = (InterviewStarted)log[0];
        var state = InterviewState.Begin(started.Plan, started.At, scenarios);
        var messages = started.Plan.Scenarios.ToDictionary(s => s.ScenarioId, _ => new List<TracedMessage>());
        var actions = started.Plan.Scenarios.ToDictionary(s => s.ScenarioId, _ => new List<TracedAction>());
        for (var index = 1; index < log.Count; index++)
        {
            var e = log[index];
            var at = e.At - started.At;
            switch (e)
            {
                case CandidateSaid said when state.Active is { } p:
                    var utterance = SessionFold.Understand(state, said.Text, reader);
                    messages[p.Scenario.Id].Add(new TracedMessage(index, at, said.Text, utterance, p.Stage, p.CodeVisible, p.GatedReleased));
                    state = SessionFold.Candidate(state, said.At, utterance);
                    break;
                case InterviewerActed acted:
                    if (actions.TryGetValue(acted.Action.ScenarioId, out var list)) list.Add(new TracedAction(index, at, acted.Action));
                    state = SessionFold.Interviewer(state, acted.At, acted.Action);
                    break;
            }
        }
        var end = log[^1].At - started.At;
        return state.Slots.Select(p => new ScenarioTrace(
            p.Scenario, p.Slot, p.OpenedAt is { } o ? o - started.At : null, messages[p.Scenario.Id], actions[p.Scenario.Id], p,
            p.DoneAt is { } d ? d - started.At : end) { Start = started.At }).ToList();
    }
}
