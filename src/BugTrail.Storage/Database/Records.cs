using Microsoft.AspNetCore.Identity;

namespace BugTrail.Storage.Database;

/// <summary>An interviewer's account (ASP.NET Core Identity).</summary>
public sealed class InterviewerAccount : IdentityUser
{
    public string DisplayName { get; set; } = "";
}

public enum InterviewKind { Practice, Interview }

/// <summary>
/// An interview or practice session. Its content is its event log (<see cref="EventRecord"/>); this row holds
/// who and what it is for, <see cref="EventCount"/> (the optimistic-concurrency guard of the log), and the summary lists
/// and the bar read instead of folding every log: the evaluation's headline as of <see cref="SummaryVersion"/> events.
/// </summary>
public sealed class InterviewRecord
{
    public Guid Id { get; set; }
    public InterviewKind Kind { get; set; }
    public string CandidateName { get; set; } = "";
    /// <summary>SHA-256 of the candidate link's token: the token itself is never stored.</summary>
    public string CandidateTokenHash { get; set; } = "";
    public string? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary><see cref="CreatedAt"/> as UTC ticks: what lists sort by, since SQLite cannot order by a DateTimeOffset.</summary>
    public long CreatedTicks { get; set; }
    /// <summary>Scenario id → content hash of the version used, so a report always shows that version.</summary>
    public string ScenarioVersions { get; set; } = "";
    public int EventCount { get; set; }
    public bool Ended { get; set; }
    /// <summary>
    /// An interview created but not yet started: its would-be first entry (plan and candidate), in session-file JSON. The
    /// log stays empty until the candidate presses Start in the room, so the clock runs from then, not from creation.
    /// </summary>
    public string? PendingStart { get; set; }
    /// <summary>The plan's level and scenario ids ("a+b"), copied from the log's first entry when the session is created.</summary>
    public string Level { get; set; } = "";
    public string Scenarios { get; set; } = "";
    /// <summary>The log length the evaluation columns below describe; behind <see cref="EventCount"/> means stale.</summary>
    public int SummaryVersion { get; set; }
    /// <summary>The evaluation of an ended session: overall score, recommendation (wire name), minutes to solve. Null while in progress.</summary>
    public int? Overall { get; set; }
    public string? Recommendation { get; set; }
    public double? MinutesToSolve { get; set; }
}

/// <summary>One entry of a session's append-only log, in the same JSON as session files.</summary>
public sealed class EventRecord
{
    public Guid InterviewId { get; set; }
    public int Sequence { get; set; }
    public string Type { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Json { get; set; } = "";
}
