using BugTrail.Core.Understanding;
using BugTrail.Core.Understanding.Meaning;
using BugTrail.Meaning;

namespace BugTrail.Core.Tests;

/// <summary>The readers the tests use: the embedded model is loaded once per test run, as a front end loads it once.</summary>
internal static class Readers
{
    private static readonly MiniLmEncoder Encoder = new();
    private static readonly Lazy<MeaningReader> Model = new(() => new MeaningReader(Encoder));

    /// <summary>The product's reader: rules and the embedded sentence model, with its labelled examples.</summary>
    public static MeaningReader Meaning => Model.Value;

    /// <summary>The same reader learning from other examples (cross-validation leaves an author's table out).</summary>
    public static MeaningReader MeaningWith(IReadOnlyList<LabelledPhrasing> examples, MeaningThresholds? thresholds = null) => new(Encoder, thresholds, examples);

    /// <summary>The rules alone, for comparison.</summary>
    public static IReader Rules => RuleReader.Instance;
}
