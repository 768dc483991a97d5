namespace BugTrail.Core.Understanding.Meaning;

/// <summary>
/// Where the meaning reader draws its lines, in cosine similarity. Fitted on the development tables only
/// (src/BugTrail.Core/Understanding/Model/Phrasings, scored author by author with the others as examples); never on the held-out ones.
/// </summary>
public sealed record MeaningThresholds
{
    public static readonly MeaningThresholds Default = new();

    /// <summary>How many nearest intent exemplars vote.</summary>
    public int Neighbours { get; init; } = 3;

    public double Evidence { get; init; } = 0.45;
    /// <summary>How near a sentence must be to the code's component to count as narrowing down to it.</summary>
    public double Component { get; init; } = 0.5;
    /// <summary>How near a statement must be to the exemplars of asking to count as a request without the words of one.</summary>
    public double Asking { get; init; } = 0.9;
    /// <summary>How near a sentence must be to the exemplars of asking for code (and nearer them than any evidence) to ask for it.</summary>
    public double CodeRequest { get; init; } = 0.55;
    /// <summary>A margin above a threshold that makes a reading clear enough to overrule a rule.</summary>
    public double Clear { get; init; } = 0.1;
    public double Fact { get; init; } = 0.55;
    /// <summary>A fact wins over an evidence kind unless the kind is nearer by more than this.</summary>
    public double FactOverEvidence { get; init; } = 0.02;
    public double RootCause { get; init; } = 0.7;
    public double RootCauseOverWrong { get; init; } = 0.05;
    public double Fix { get; init; } = 0.6;
    public double FixOverWrong { get; init; } = 0.05;
    /// <summary>A sentence without the words of a fix reads as one only when it is this much nearer the fix than the root cause.</summary>
    public double FixOverRootCause { get; init; } = 0.05;
    public double WrongClaim { get; init; } = 0.5;
    /// <summary>Below this nearness to the root cause and the fix, a sentence is about something else.</summary>
    public double Plausible { get; init; } = 0.3;
    /// <summary>How much nearer a wrong claim must be than the root cause to overrule the rules' words.</summary>
    public double Veto { get; init; }   // 0: a wrong claim nearer than the root cause at all overrules the words
    public double Stuck { get; init; } = 0.6;
    /// <summary>A sentence this near to the root cause, the fix or a wrong claim is technical content, not giving up.</summary>
    public double Technical { get; init; } = 0.45;
    public double Verification { get; init; } = 0.6;
    /// <summary>Two of a scenario's facts or evidence this near in meaning are hard to tell apart (a validation warning).</summary>
    public double Confusable { get; init; } = 0.8;
    /// <summary>How near an answer must be to a pending follow-up (its question or key points) to count as answering it.</summary>
    public double Answer { get; init; } = 0.4;
    /// <summary>Follow-ups within this of the nearest one are answered too.</summary>
    public double AnswerMargin { get; init; } = 0.3;
}
