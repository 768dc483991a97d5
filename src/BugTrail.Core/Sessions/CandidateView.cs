using BugTrail.Core.Policy;
using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Sessions;

/// <summary>One line of the conversation as the candidate sees it.</summary>
public sealed record ConversationLine(TimeSpan At, bool FromCandidate, string Text, string? Kind);

/// <summary>A piece of released evidence, with when it was released.</summary>
public sealed record ReleasedEvidence(TimeSpan At, Evidence Evidence);

/// <summary>
/// Everything a candidate may see, and nothing else: the openings presented, the evidence and code
/// released, and the conversation. This is the security boundary of the candidate room: the room is
/// rendered from this view alone, never from the scenario.
/// </summary>
public sealed record CandidateView(
    string Title,
    string? Opening,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    string? Timeline,
    Evidence? Metrics,
    IReadOnlyList<ReleasedEvidence> Released,
    (string FileName, string Text)? Code,
    IReadOnlyList<ConversationLine> Conversation,
    TimeSpan Elapsed,
    TimeSpan Length,
    bool Ended)
{
    public static CandidateView Of(InterviewState state, IReadOnlyList<SessionEvent> log, Func<string, Scenario> scenarios, DateTimeOffset now)
    {
        var start = state.StartedAt;
        var conversation = new List<ConversationLine>();
        var released = new List<ReleasedEvidence>();
        // Where the interview stood at each message: a proposed patch is drawn as a diff only against code the
        // candidate had been shown, in the scenario it was written for.
        string? current = null;
        var codeShown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in log)
        {
            switch (e)
            {
                case CandidateSaid said when Understanding.Commands.IsPatch(said.Text):
                    var edited = said.Text[Understanding.Commands.Patch.Length..].TrimStart('\r', '\n');
                    conversation.Add(new(said.At - start, true, current is not null && codeShown.Contains(current)
                        ? "Proposed a fix:\n" + Understanding.PatchJudge.Diff(scenarios(current), edited)
                        : "Proposed a fix before the code was shown.", "patch"));
                    break;
                case CandidateSaid said:
                    conversation.Add(new(said.At - start, true, Understanding.Commands.Describe(said.Text), null));
                    break;
                case InterviewerActed { Action: var a }:
                    if (a.Kind == ActionKind.Present) current = a.ScenarioId;
                    if (a.ShowsCode) codeShown.Add(a.ScenarioId);
                    conversation.Add(new(e.At - start, false, a.Text, InterviewerAction.WireName(a.Kind)));
                    if (a.ScenarioId == state.Active?.Scenario.Id && a.Kind == ActionKind.Release && a.Evidence is { } kind && scenarios(a.ScenarioId).EvidenceOf(kind) is { } ev)
                        released.Add(new(e.At - start, ev));
                    break;
            }
        }
        var active = state.Active;
        var scenario = active?.Scenario;
        return new CandidateView(
            scenario?.Title ?? "Waiting for the interview to begin",
            scenario is null ? null : scenario.Openings[active!.Slot.Format],
            scenario?.Environment ?? [],
            scenario?.Timeline,
            scenario?.OpeningMetrics,
            released,
            active is { CodeVisible: true } ? (scenario!.Code.FileName, string.Join('\n', scenario.Code.BuggyLines)) : null,
            conversation,
            (state.EndedAt ?? now) - start,
            state.Plan.Length,
            state.Ended);
    }
}
