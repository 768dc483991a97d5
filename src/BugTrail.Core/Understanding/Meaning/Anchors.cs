using System.Text.RegularExpressions;
using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Understanding.Meaning;

/// <summary>A text the reader compares sentences with, what it stands for, and its vector.</summary>
internal sealed record Anchor(string Text, float[] Vector);

/// <summary>
/// What a scenario already says about itself, embedded: each evidence kind (the general ways of naming it
/// and the scenario's own titles), each fact's question, the root cause and the fix (summaries and
/// concepts), and what must be rejected (weak points and the general table of wrong claims). Built once
/// per scenario version; no trigger words needed.
/// </summary>
internal sealed partial class ScenarioAnchors
{
    public required IReadOnlyDictionary<EvidenceKind, IReadOnlyList<Anchor>> Evidence { get; init; }
    public required IReadOnlyList<(Fact Fact, IReadOnlyList<Anchor> Anchors)> Facts { get; init; }
    public required IReadOnlyList<Anchor> RootCause { get; init; }
    public required IReadOnlyList<Anchor> Fix { get; init; }
    public required IReadOnlyList<Anchor> Wrong { get; init; }
    /// <summary>The part of the system the bug's code belongs to (the code listing's component).</summary>
    public required IReadOnlyList<Anchor> Component { get; init; }

    public static ScenarioAnchors Build(Scenario s, ISentenceEncoder encoder, GeneralAnchors general, IReadOnlyList<LabelledPhrasing> examples)
    {
        var evidenceTexts = new Dictionary<EvidenceKind, List<string>>();
        foreach (var e in s.Evidence.Append(s.OpeningMetrics))
        {
            if (!evidenceTexts.TryGetValue(e.Kind, out var list)) evidenceTexts[e.Kind] = list = [];
            list.Add(e.Title);
        }
        var own = Examples.SinglePurpose(examples.Where(e => e.ScenarioId == s.Id)).ToList();
        IEnumerable<string> Labelled(string intent, string argument) =>
            own.Where(x => x.Label.Intent == intent && x.Label.Argument == argument).Select(x => x.Text);
        var factTexts = s.Facts.Select(f => (f, texts: new List<string> { f.Question, $"{f.Question} {string.Join(", ", f.Terms)}" }
            .Concat(Labelled("ask_fact", f.Question)).ToList())).ToList();
        var root = Sentences(s.RootCause.Summary).Concat(s.RootCause.Concepts.Select(c => c.Name)).Concat(Labelled("claim_root_cause", "correct")).ToList();
        var fix = Sentences(s.Fix.Summary).Concat(s.Fix.Concepts.Select(c => c.Name)).Concat(Labelled("propose_fix", "correct")).ToList();
        // A wrong claim's sentence that calls something fine ("The softmax is correct, cross-entropy needs probabilities") sits next
        // to the real cause in meaning with the opposite sense; the rules read exoneration, so only the assertive sentences are negatives.
        var wrong = s.FollowUps.SelectMany(f => f.WeakPoints).Select(c => c.Name)
            .Concat(Labelled("claim_root_cause", "wrong").Concat(Labelled("propose_fix", "wrong"))
                .SelectMany(MeaningReader.Split).Where(t => !MeaningReader.IsNegated(Phrase.Normalise(t))))
            .Distinct(StringComparer.Ordinal).ToList();

        var component = new List<string> { s.Code.Component };
        var all = evidenceTexts.Values.SelectMany(t => t).Concat(factTexts.SelectMany(f => f.texts)).Concat(root).Concat(fix).Concat(wrong).Concat(component).ToList();
        var vectors = encoder.Encode(all);
        var at = 0;
        List<Anchor> Take(IEnumerable<string> texts) => texts.Select(t => new Anchor(t, vectors[at++])).ToList();

        var evidence = general.Evidence.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Anchor>)kv.Value.ToList());
        foreach (var (kind, texts) in evidenceTexts)
            evidence[kind] = [.. evidence.GetValueOrDefault(kind) ?? [], .. Take(texts)];
        var facts = factTexts.Select(f => (f.f, (IReadOnlyList<Anchor>)Take(f.texts))).ToList();
        return new ScenarioAnchors
        {
            Evidence = evidence,
            Facts = facts,
            RootCause = Take(root),
            Fix = Take(fix),
            Wrong = [.. Take(wrong), .. general.Wrong],
            Component = Take(component),
        };
    }

    private static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text).Select(t => t.Trim()).Where(t => t.Length > 12);

    [GeneratedRegex(@"(?<=[.;:])\s+(?=[A-Z(])")]
    private static partial Regex SentenceEnd();
}

/// <summary>The scenario-independent anchors: evidence kinds, intent exemplars, wrong claims.</summary>
internal sealed class GeneralAnchors
{
    public required IReadOnlyDictionary<EvidenceKind, IReadOnlyList<Anchor>> Evidence { get; init; }
    /// <summary>The intent exemplars by intent, in ordinal order of the intent (so ties resolve the same way every time).</summary>
    public required IReadOnlyList<(string Intent, IReadOnlyList<Anchor> Anchors)> Intents { get; init; }
    public required IReadOnlyList<Anchor> Wrong { get; init; }

    public static GeneralAnchors Build(ISentenceEncoder encoder, IReadOnlyList<LabelledPhrasing> examples)
    {
        var (kinds, intents, wrong) = Sources(examples);
        var vectors = encoder.Encode([.. kinds.Select(k => k.Text), .. intents.Select(i => i.Text), .. wrong.Select(w => w.Text)]);
        var at = 0;
        var evidence = kinds.Select(k => (Kind: WireNames.TryParse<EvidenceKind>(k.Label, out var kind) ? kind
                : throw new InvalidDataException($"unknown evidence kind '{k.Label}' in the model texts"), Anchor: new Anchor(k.Text, vectors[at++])))
            .GroupBy(x => x.Kind).ToDictionary(g => g.Key, g => (IReadOnlyList<Anchor>)g.Select(x => x.Anchor).ToList());
        var exemplars = intents.Select(i => (i.Label, Anchor: new Anchor(i.Text, vectors[at++])))
            .GroupBy(x => x.Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<Anchor>)g.Select(x => x.Anchor).ToList())).ToList();
        var negatives = wrong.Select(w => new Anchor(w.Text, vectors[at++])).ToList();
        return new GeneralAnchors { Evidence = evidence, Intents = exemplars, Wrong = negatives };
    }

    /// <summary>Every text the general anchors embed (an edge may keep their vectors ready).</summary>
    public static IEnumerable<string> Texts(IReadOnlyList<LabelledPhrasing> examples)
    {
        var (kinds, intents, wrong) = Sources(examples);
        return kinds.Select(k => k.Text).Concat(intents.Select(i => i.Text)).Concat(wrong.Select(w => w.Text)).Distinct(StringComparer.Ordinal);
    }

    private static (List<(string Label, string Text)> Kinds, List<(string Label, string Text)> Intents, List<(string Label, string Text)> Wrong) Sources(
        IReadOnlyList<LabelledPhrasing> examples)
    {
        var single = Examples.SinglePurpose(examples).ToList();
        var kinds = ModelTexts.EvidenceKinds.Value
            .Concat(single.Where(x => x.Label.Intent == "request_evidence").Select(x => (Label: x.Label.Argument, x.Text))).ToList();
        var intents = ModelTexts.Intents.Value
            .Concat(single.Select(x => (Label: Examples.IntentOf(x.Label), x.Text)).Where(x => x.Label is not null).Select(x => (Label: x.Label!, x.Text))).ToList();
        // Only assertive wrong claims: hedged and negated lines sit next to the real causes in meaning ("X is not divided" / "X is divided"),
        // and telling those apart is the rules' job (hedging, exoneration), not the model's.
        var wrong = ModelTexts.WrongClaims.Value.Where(w => w.Label == "wrong_claim").ToList();
        return (kinds, intents, wrong);
    }
}
