using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Policy;

/// <summary>The stable vocabulary of what the interviewer does (DESIGN.md).</summary>
public enum ActionKind
{
    Present, Release, ShowCode, Redirect, Clarify, CheckIn, Hint, Acknowledge, FollowUp, AskFix, AskVerify, Cut, WrapUp, End,

    /// <summary>A short neutral reply that keeps the candidate going ("Go on — what would you look at next?"): never silent, never a verdict.</summary>
    Nudge,
}

/// <summary>
/// One thing the interviewer says or shows. <see cref="Evidence"/> names the released evidence (its data is
/// the scenario's); <see cref="ShowsCode"/> marks the code listing going to the candidate.
/// </summary>
public sealed record InterviewerAction(ActionKind Kind, string Text)
{
    /// <summary>The scenario the action belongs to (a plan can hold two).</summary>
    public required string ScenarioId { get; init; }
    public EvidenceKind? Evidence { get; init; }
    public HintTier? Tier { get; init; }
    public string? FollowUpId { get; init; }
    public bool ShowsCode { get; init; }

    public static string WireName(ActionKind kind) => kind switch
    {
        ActionKind.ShowCode => "show_code",
        ActionKind.CheckIn => "check_in",
        ActionKind.FollowUp => "follow_up",
        ActionKind.AskFix => "ask_fix",
        ActionKind.AskVerify => "ask_verify",
        ActionKind.WrapUp => "wrap_up",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
