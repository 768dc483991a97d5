namespace BugTrail.Core.Understanding.Meaning;

/// <summary>
/// Where the meaning reader draws its lines, in cosine similarity. Fitted on the development tables only
/// (tests/BugTrail.Core.Tests/Understanding/Phrasings); never on the held-out ones.
/// </summary>
public sealed record MeaningThresholds
{
    public static readonly MeaningThresholds Default = new();

    /// <summary>How many nearest intent exemplars vote.</summary>
    public int Neighbours { get; init; } = 3;

    public double Evidence { get; init; } = 0.45;
    public double Fact { get; init; } = 0.55;
    /// <summary>A fact wins over an evidence kind unless the kind is nearer by more than this.</summary>
    public double FactOverEvidence { get; init; } = 0.02;
    public double RootCause { get; init; } = 0.6;
    public double RootCauseOverWrong { get; init; } = 0.05;
    public double Fix { get; init; } = 0.6;
    public double FixOverWrong { get; init; } = 0.05;
    public double WrongClaim { get; init; } = 0.6;
    public double Stuck { get; init; } = 0.6;
    public double Verification { get; init; } = 0.6;
}
