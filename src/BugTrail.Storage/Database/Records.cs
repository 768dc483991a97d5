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
/// who and what it is for, and <see cref="EventCount"/>, the optimistic-concurrency guard of the log.
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
    /// <summary>Scenario id → content hash of the version used, so a report always shows that version.</summary>
    public string ScenarioVersions { get; set; } = "";
    public int EventCount { get; set; }
    public bool Ended { get; set; }
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
