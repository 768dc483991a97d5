using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Views;

namespace BugTrail.Cli.Output;

/// <summary>The stable JSON shapes of <c>scenarios list</c> and <c>scenarios show</c>.</summary>
public static class ScenarioJson
{
    public sealed record Summary(
        string Id, string Title, string Difficulty, int[] ExpectedMinutes, string Category,
        string[] Levels, string[] Formats, int CodeLines);

    public sealed record Table(string Kind, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<Cell>> Rows,
        string Chart, bool LogScale, string? Note, string[] Requires);

    public sealed record EnvironmentItem(string Name, string Value);

    public sealed record CandidateView(
        string View, string Id, string Title, string Format, string Opening, Symptom Symptom,
        EnvironmentItem[] Environment, string Timeline, Table Metrics, CandidateCode? Code);

    public sealed record ConceptView(string Name, IReadOnlyList<string> Terms);

    public sealed record FollowUpView(string Id, string Question, string Source, ConceptView[] StrongPoints, ConceptView[] WeakPoints);

    public sealed record HunkView(int BuggyLine, IReadOnlyList<string> Removed, IReadOnlyList<string> Added);

    public sealed record CodeView(string FileName, string Component, IReadOnlyList<string> NarrowingTerms, string Buggy, string Fixed,
        IReadOnlyList<int> BugLines, HunkView[] Diff);

    public sealed record InterviewerView(
        string View, string Id, string Title, string Difficulty, int[] ExpectedMinutes, string Category, string[] Levels,
        string[] Formats, Symptom Symptom, EnvironmentItem[] Environment, string Timeline, Table OpeningMetrics,
        Dictionary<string, string> Openings, CodeView Code, Table[] Evidence, Fact[] Facts, Dictionary<string, string> Hints,
        string RootCause, ConceptView[] RootCauseConcepts, string Fix, ConceptView[] FixConcepts, FollowUpView[] FollowUps,
        string Explanation, string KeyLearning);

    public static Summary SummaryOf(Scenario s) => new(
        s.Id, s.Title, WireNames.Of(s.Difficulty), [s.ExpectedMinutes.Min, s.ExpectedMinutes.Max], WireNames.Of(s.Category),
        s.Levels.Select(WireNames.Of).ToArray(), s.Formats.Select(WireNames.Of).ToArray(), s.Code.BuggyLines.Count);

    public static CandidateView CandidateOf(CandidateOpening o) => new(
        "candidate", o.ScenarioId, o.Title, WireNames.Of(o.Format), o.Opening, o.Symptom, Env(o.Environment), o.Timeline,
        TableOf(o.Metrics), o.Code);

    public static InterviewerView InterviewerOf(Scenario s) => new(
        "interviewer", s.Id, s.Title, WireNames.Of(s.Difficulty), [s.ExpectedMinutes.Min, s.ExpectedMinutes.Max],
        WireNames.Of(s.Category), s.Levels.Select(WireNames.Of).ToArray(), s.Formats.Select(WireNames.Of).ToArray(),
        s.Symptom, Env(s.Environment), s.Timeline, TableOf(s.OpeningMetrics),
        s.Openings.ToDictionary(o => WireNames.Of(o.Key), o => o.Value),
        new CodeView(s.Code.FileName, s.Code.Component, s.Code.NarrowingTerms, string.Join('\n', s.Code.BuggyLines),
            string.Join('\n', Core.Scenarios.SourceText.Lines(s.Code.Fixed)), s.Code.Bug.Lines,
            s.Code.Bug.Hunks.Select(h => new HunkView(h.BuggyStart, h.Removed, h.Added)).ToArray()),
        s.Evidence.Select(TableOf).ToArray(), s.Facts.ToArray(),
        Enum.GetValues<HintTier>().ToDictionary(WireNames.Of, t => s.Hints[t]),
        s.RootCause.Summary, Concepts(s.RootCause.Concepts), s.Fix.Summary, Concepts(s.Fix.Concepts),
        s.FollowUps.Select(f => new FollowUpView(f.Id, f.Question, WireNames.Of(f.Source), Concepts(f.StrongPoints), Concepts(f.WeakPoints))).ToArray(),
        s.Explanation, s.KeyLearning);

    private static Table TableOf(Evidence e) => new(
        WireNames.Of(e.Kind), e.Title, e.Columns, e.Rows, WireNames.Of(e.Chart), e.LogScale, e.Note, e.Requires.Select(WireNames.Of).ToArray());

    private static EnvironmentItem[] Env(IReadOnlyList<KeyValuePair<string, string>> env) =>
        env.Select(kv => new EnvironmentItem(kv.Key, kv.Value)).ToArray();

    private static ConceptView[] Concepts(IReadOnlyList<Concept> concepts) =>
        concepts.Select(c => new ConceptView(c.Name, c.Terms)).ToArray();
}
