using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Policy;

/// <summary>
/// One decision of the interviewer: the state, the moment, the message being answered (none when time alone acts),
/// and the actions decided so far. Every free answer goes through the leak guard here.
/// </summary>
public sealed class Turn
{
    internal Turn(InterviewState state, ScenarioProgress progress, DateTimeOffset now, Utterance? said)
    {
        State = state;
        Progress = progress;
        Now = now;
        Said = said;
    }

    public InterviewState State { get; }
    public ScenarioProgress Progress { get; }
    public DateTimeOffset Now { get; }
    /// <summary>The candidate's message, or null when the interviewer acts because of time.</summary>
    public Utterance? Said { get; }
    public List<InterviewerAction> Actions { get; } = [];

    /// <summary>The message (time rules never ask for it).</summary>
    internal Utterance Message => Said ?? throw new InvalidOperationException("a time rule read the message");

    private string Id => Progress.Scenario.Id;

    internal void Say(ActionKind kind, string text)
    {
        // Never the same prompt twice in a row: a repeated redirect reads as a loop.
        if (kind is ActionKind.Redirect or ActionKind.Nudge && Progress.LastPrompt == text)
            text = kind == ActionKind.Nudge ? "Take your time — walk me through what you're seeing." : "Let's try it from another angle: what would you check next, and why?";
        Actions.Add(new InterviewerAction(kind, text) { ScenarioId = Id });
    }

    internal void Release(EvidenceKind kind, string text) => Actions.Add(new InterviewerAction(ActionKind.Release, text) { ScenarioId = Id, Evidence = kind });

    internal void ShowCode(string text) => Actions.Add(new InterviewerAction(ActionKind.ShowCode, text) { ScenarioId = Id, ShowsCode = true });

    internal void FollowUp(FollowUp f, string text) => Actions.Add(new InterviewerAction(ActionKind.FollowUp, text) { ScenarioId = Id, FollowUpId = f.Id });

    internal void Hint()
    {
        var tier = Progress.NextHintTier!.Value;
        Actions.Add(new InterviewerAction(ActionKind.Hint, Progress.Scenario.Hints[tier]) { ScenarioId = Id, Tier = tier });
    }

    internal void Clarify(string answer, bool aboutThisRun)
    {
        var safe = LeakGuard.IsSafe(answer, Progress.Scenario, aboutThisRun);
        Say(ActionKind.Clarify, safe ? answer : "That's something I'd like you to reason through yourself. What's your understanding of it?");
    }
}
