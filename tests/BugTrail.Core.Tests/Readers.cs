using BugTrail.Core.Understanding;
using BugTrail.Core.Understanding.Meaning;
using BugTrail.Meaning;

namespace BugTrail.Core.Tests;

/// <summary>The readers the tests use: the embedded model is loaded once per test run, as a front end loads it once.</summary>
internal static class Readers
{
    private static readonly Lazy<MeaningReader> Model = new(() => new MeaningReader(new MiniLmEncoder()));

    /// <summary>The product's reader: rules and the embedded sentence model.</summary>
    public static MeaningReader Meaning => Model.Value;

    /// <summary>The rules alone, for comparison.</summary>
    public static IReader Rules => RuleReader.Instance;
}
