namespace BugTrail.Core.Policy;

/// <summary>Where the interview stands, as the policy table sees it.</summary>
public enum Phase
{
    /// <summary>Nothing presented yet.</summary>
    Opening,
    /// <summary>The candidate is looking for the bug.</summary>
    Hunting,
    /// <summary>The bug is acknowledged: questions on its mechanism, one at a time.</summary>
    FollowUps,
    /// <summary>The fix and its verification were asked.</summary>
    FixAndVerify,
    /// <summary>One last question.</summary>
    Probe,
    /// <summary>"Do you have any questions for me?"</summary>
    WrappedUp,
}

/// <summary>What sets a rule off: a candidate's message, or time passing.</summary>
public enum Trigger { Message, Time }

/// <summary>
/// One rule of the guide's Part 2 as data the interviewer executes: in a phase, when the situation holds, the
/// interviewer responds so. Rules of a phase are tried in order; a <see cref="Last"/> rule that fires ends the decision.
/// </summary>
/// <param name="Name">A short stable name ("names-bug-in-code").</param>
/// <param name="Situation">The situation, in words, as a question ("Names the bug with the code in view?").</param>
/// <param name="Response">What the interviewer does, in words.</param>
/// <param name="Then">The phase the response leads to, when it changes.</param>
/// <param name="Guide">The guide's section the rule comes from.</param>
public sealed record PolicyRule(string Name, Trigger Trigger, IReadOnlyList<Phase> In, string Situation, string Response, Phase? Then, string Guide)
{
    public required Func<Turn, bool> When { get; init; }
    public required Action<Turn> Do { get; init; }
    public bool Last { get; init; }
}
