using BugTrail.Core.Evaluation;
using BugTrail.Core.Policy;

namespace BugTrail.Core.Sessions;

/// <summary>One entry of a session's append-only log, stamped with when it happened.</summary>
public abstract record SessionEvent(DateTimeOffset At);

/// <param name="Candidate">The candidate's name as the interviewer entered it, if any (a practice session has none).</param>
public sealed record InterviewStarted(DateTimeOffset At, InterviewPlan Plan, string? Candidate = null) : SessionEvent(At);

public sealed record CandidateSaid(DateTimeOffset At, string Text) : SessionEvent(At);

public sealed record InterviewerActed(DateTimeOffset At, InterviewerAction Action) : SessionEvent(At);

/// <summary>An interviewer corrects the computed evaluation; the computed values are kept beside the final ones.</summary>
public sealed record EvaluationOverridden(DateTimeOffset At, Override Override, string By) : SessionEvent(At);

/// <summary>
/// Something the candidate room noticed that an interviewer should know of (as AI-interview platforms log):
/// a paste, the tab losing focus, a large block of text appearing at once. A record, never a verdict.
/// </summary>
public sealed record IntegrityObserved(DateTimeOffset At, string Kind, string Detail) : SessionEvent(At)
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "paste", "focus_lost", "focus_returned", "large_input", "second_room" };
}

/// <summary>A private note by the interviewer, for the report; never shown to the candidate.</summary>
public sealed record InterviewerNoted(DateTimeOffset At, string Text, string By) : SessionEvent(At);
