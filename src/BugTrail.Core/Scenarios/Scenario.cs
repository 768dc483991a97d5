namespace BugTrail.Core.Scenarios;

/// <summary>One interview scenario: a single ML bug with everything an interviewer needs to run it.</summary>
public sealed record Scenario
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Difficulty Difficulty { get; init; }
    public required MinuteRange ExpectedMinutes { get; init; }
    public required BugCategory Category { get; init; }
    public required IReadOnlyList<Level> Levels { get; init; }
    public required IReadOnlyList<InterviewFormat> Formats { get; init; }
    public required Symptom Symptom { get; init; }
    /// <summary>Ordered label → value pairs (hardware, model, batch, precision, ...).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; }
    public required string Timeline { get; init; }
    /// <summary>The basic metrics shown at the opening; their kind counts as released from the start.</summary>
    public required Evidence OpeningMetrics { get; init; }
    public required IReadOnlyDictionary<InterviewFormat, string> Openings { get; init; }
    public required CodeListing Code { get; init; }
    public required IReadOnlyList<Evidence> Evidence { get; init; }
    public required IReadOnlyList<Fact> Facts { get; init; }
    public required HintLadder Hints { get; init; }
    public required RootCause RootCause { get; init; }
    public required Fix Fix { get; init; }
    public required IReadOnlyList<FollowUp> FollowUps { get; init; }
    public required string Explanation { get; init; }
    public required string KeyLearning { get; init; }
    /// <summary>SHA-256 (first 16 hex digits) of the scenario's three files: which version of it a session used.</summary>
    public string ContentHash { get; init; } = "";

    public Evidence? EvidenceOf(EvidenceKind kind) =>
        OpeningMetrics.Kind == kind ? OpeningMetrics : Evidence.FirstOrDefault(e => e.Kind == kind);
}

public sealed record MinuteRange(int Min, int Max);

public sealed record Symptom(string Summary, string Measurement);

/// <summary>The buggy code a candidate sees and the reference fix; the bug's lines come from their diff.</summary>
public sealed record CodeListing
{
    public required string FileName { get; init; }
    public required string Component { get; init; }
    /// <summary>Words that show a candidate has narrowed down to the component this code belongs to.</summary>
    public required IReadOnlyList<string> NarrowingTerms { get; init; }
    public required string Buggy { get; init; }
    public required string Fixed { get; init; }
    public required BugLocation Bug { get; init; }

    public IReadOnlyList<string> BuggyLines => SourceText.Lines(Buggy);
}

/// <summary>Lines of the buggy file (1-based) that the reference fix changes, plus the fix's hunks.</summary>
public sealed record BugLocation(IReadOnlyList<int> Lines, IReadOnlyList<DiffHunk> Hunks);

public sealed record DiffHunk(int BuggyStart, IReadOnlyList<string> Removed, IReadOnlyList<string> Added);

/// <summary>A piece of evidence a candidate may ask for: data (a table or a series), not prose.</summary>
public sealed record Evidence
{
    public required EvidenceKind Kind { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Columns { get; init; }
    public required IReadOnlyList<IReadOnlyList<Cell>> Rows { get; init; }
    public ChartKind Chart { get; init; }
    public bool LogScale { get; init; }
    public string? Note { get; init; }
    /// <summary>Evidence kinds that must be released before this one.</summary>
    public IReadOnlyList<EvidenceKind> Requires { get; init; } = [];
}

/// <summary>A table cell: a number (NaN and infinities allowed) or text.</summary>
public readonly record struct Cell(double? Number, string? Text)
{
    public static Cell Of(double number) => new(number, null);
    public static Cell Of(string text) => new(null, text);

    public override string ToString() => Number switch
    {
        null => Text ?? "",
        double n when double.IsNaN(n) => "NaN",
        double n when double.IsPositiveInfinity(n) => "inf",
        double n when double.IsNegativeInfinity(n) => "-inf",
        double n => n.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>A plain fact for a clarifying question ("is gradient clipping on?").</summary>
public sealed record Fact(string Question, IReadOnlyList<string> Terms, string Answer);

public sealed record HintLadder(string Gentle, string Direct, string Strong)
{
    public string this[HintTier tier] => tier switch
    {
        HintTier.Gentle => Gentle,
        HintTier.Direct => Direct,
        _ => Strong,
    };
}

/// <summary>An idea a correct statement must contain, recognised by any of its terms.</summary>
public sealed record Concept(string Name, IReadOnlyList<string> Terms);

public sealed record RootCause(string Summary, IReadOnlyList<Concept> Concepts);

public sealed record Fix(string Summary, IReadOnlyList<Concept> Concepts);

public sealed record FollowUp
{
    public required string Id { get; init; }
    public required string Question { get; init; }
    public required FollowUpSource Source { get; init; }
    public required IReadOnlyList<Concept> StrongPoints { get; init; }
    public required IReadOnlyList<Concept> WeakPoints { get; init; }
    /// <summary>
    /// Evidence the question refers to ("Why layer 11?" needs the evidence that shows layer 11): asked only once all of it
    /// has been released, so a code-review candidate is never asked about what they were never shown.
    /// </summary>
    public IReadOnlyList<EvidenceKind> Requires { get; init; } = [];
    /// <summary>
    /// The follow-up this one is asked together with, as one numbered pair ("Why step 2144? Why layer 11?", as the guide's
    /// Part 1 does); every other question is asked on its own and waits for its answer.
    /// </summary>
    public string? AskedWith { get; init; }
}
