using BugTrail.Core.Scenarios;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Tests.Understanding;

public sealed record LabelledPhrase(string ScenarioId, string Intent, string Argument, string Text, int Line);

/// <summary>A phrasing table (Phrasings/README.md) and how the reader scores on it.</summary>
public static class PhrasingTable
{
    public static Scenario Scenario(string id) => ShippedBank.Scenario(id);

    public static IReadOnlyList<LabelledPhrase> Load(string name) =>
        File.ReadAllLines(Path.Combine(RepoFiles.Root, "tests", "BugTrail.Core.Tests", "Understanding", "Phrasings", name))
            .Select((line, i) => (line, i))
            .Where(x => x.line.Length > 0 && !x.line.StartsWith('#'))
            .Select(x => x.line.Split('\t') is [var s, var intent, var arg, var text] ? new LabelledPhrase(s, intent, arg, text, x.i + 1)
                : throw new FormatException($"{name}:{x.i + 1}: expected 4 tab-separated fields"))
            .ToList();

    /// <summary>Whether the reader found the labelled intent (with its argument) in the message.</summary>
    public static bool Understood(LabelledPhrase p, out Utterance said)
    {
        var scenario = Scenario(p.ScenarioId);
        said = Reader.Read(p.Text, scenario, new ReadingContext(CodeVisible: true));
        var u = said;
        return p.Intent switch
        {
            "hypotheses" => u.Find<StatesHypotheses>() is { } h && h.Causes.Count >= 1 && !u.Has<ClaimsRootCause>(),
            "request_evidence" => u.Intents.OfType<RequestsEvidence>().Any(r => WireNames.Of(r.Kind) == p.Argument),
            "request_code" => p.Argument == "whole"
                ? u.Find<RequestsCode>() is { NamesComponent: false }
                : u.Find<RequestsCode>() is { NamesComponent: true } || u.Has<AsksImplementation>(),
            "ask_fact" => u.Find<AsksFact>()?.Fact.Question == p.Argument,
            "ask_concept" => u.Find<AsksConcept>()?.Entry.Id == p.Argument,
            "ask_whole_codebase" => u.Has<AsksWholeCodebase>(),
            "ask_framework_bug" => u.Has<AsksIfFrameworkIsBuggy>(),
            "claim_root_cause" => u.Find<ClaimsRootCause>() is { } c && c.Correct == (p.Argument == "correct"),
            "propose_fix" => u.Find<ProposesFix>() is { } f && f.Correct == (p.Argument == "correct"),
            "stuck" => u.Has<SaysStuck>(),
            "give_up" => u.Has<GivesUp>(),
            "blame_framework" => u.Has<BlamesFramework>(),
            "other" => u.IsSmallTalk,
            _ => throw new FormatException($"unknown intent '{p.Intent}'"),
        };
    }

    /// <summary>Whether the count of hypotheses matches exactly (reported separately: counting is harder than spotting).</summary>
    public static bool CountedExactly(LabelledPhrase p, Utterance said) =>
        p.Intent != "hypotheses" || said.Find<StatesHypotheses>()?.Causes.Count == int.Parse(p.Argument, System.Globalization.CultureInfo.InvariantCulture);

    public sealed record Score(string Intent, int Total, int Right, int CountedExactly);

    public static IReadOnlyList<Score> Measure(IReadOnlyList<LabelledPhrase> table) =>
        table.GroupBy(p => p.Intent).Select(g =>
        {
            var right = 0;
            var counted = 0;
            foreach (var p in g)
            {
                if (Understood(p, out var said)) { right++; if (CountedExactly(p, said)) counted++; }
            }
            return new Score(g.Key, g.Count(), right, counted);
        }).OrderBy(s => s.Intent, StringComparer.Ordinal).ToList();
}
