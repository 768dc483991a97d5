using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Scenarios.Loading;
using BugTrail.Core.Understanding;
using BugTrail.Core.Understanding.Meaning;

namespace BugTrail.Core.Tests.Understanding;

/// <summary>How one message was read against its labels.</summary>
public sealed record Scored(LabelledPhrasing Message, Utterance Said, IReadOnlyList<(PhrasingLabel Label, bool Found)> Labels, bool FalseAcknowledgement, bool FalseAlarm)
{
    public bool Right => Labels.All(l => l.Found) && !FalseAcknowledgement && !FalseAlarm;
}

/// <summary>
/// The labelled tables and how a reader scores on them: development (the reader's own examples, embedded in Core from
/// src/BugTrail.Core/Understanding/Model/Phrasings/) and held-out (HeldOut/ here: only measured, never learned from).
/// </summary>
public static class PhrasingTable
{
    private static readonly string Folder = RepoFiles.Path("tests", "BugTrail.Core.Tests", "Understanding");

    /// <summary>The held-out scenarios, written from the format doc alone; never in the development tables.</summary>
    public static readonly Lazy<ScenarioBank> HeldOutBank = new(() => ScenarioBank.Load(
        Directory.Exists(Path.Combine(Folder, "HeldOutBank"))
            ? Directory.GetDirectories(Path.Combine(Folder, "HeldOutBank")).Order(StringComparer.Ordinal).Select(dir => new ScenarioSource(
                Path.Combine(dir, "scenario.yaml"), Read(Path.Combine(dir, "scenario.yaml")),
                Path.Combine(dir, "buggy.py"), Read(Path.Combine(dir, "buggy.py")),
                Path.Combine(dir, "fixed.py"), Read(Path.Combine(dir, "fixed.py"))))
            : []));

    private static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    public static Scenario Scenario(string id) =>
        ShippedBank.Value.Find(id) ?? HeldOutBank.Value.Find(id) ?? throw new InvalidOperationException($"no valid scenario '{id}'");

    public static IReadOnlyList<LabelledPhrasing> Development() => ModelTexts.Phrasings.Value;

    public static IReadOnlyList<LabelledPhrasing> HeldOut() =>
        Directory.GetFiles(Path.Combine(Folder, "HeldOut"), "*.tsv").Order(StringComparer.Ordinal)
            .SelectMany(path => LabelledPhrasing.Parse(Path.GetFileName(path), File.ReadAllText(path))).ToList();

    public static Scored Score(LabelledPhrasing m, IReader reader)
    {
        var u = reader.Read(m.Text, Scenario(m.ScenarioId), new ReadingContext(m.CodeVisible));
        var labels = m.Labels.Select(l => (l, Found(l, u))).ToList();
        var intents = m.Labels.Select(l => l.Intent).ToHashSet(StringComparer.Ordinal);
        // The costly misreadings: acknowledging what is not the root cause (or not a fix), and alarms no one raised.
        // A correct fix is acknowledged as finding the bug too, so a message labelled only with it may be read as a correct claim.
        var falseAck = (u.Find<ClaimsRootCause>() is { Correct: true } && !m.Labels.Contains(new PhrasingLabel("claim_root_cause", "correct"))
                && !m.Labels.Contains(new PhrasingLabel("propose_fix", "correct")))
            || (u.Find<ProposesFix>() is { Correct: true } && m.Labels.Contains(new PhrasingLabel("propose_fix", "wrong")));
        var falseAlarm = (u.Has<GivesUp>() && !intents.Contains("give_up")) || (u.Has<BlamesFramework>() && !intents.Contains("blame_framework"));
        return new Scored(m, u, labels, falseAck, falseAlarm);
    }

    private static bool Found(PhrasingLabel l, Utterance u) => l.Intent switch
    {
        "hypotheses" => u.Has<StatesHypotheses>() && u.Find<ClaimsRootCause>() is not { Correct: true },
        "request_evidence" => u.Intents.OfType<RequestsEvidence>().Any(r => WireNames.Of(r.Kind) == l.Argument),
        "request_code" => l.Argument == "whole"
            ? u.Find<RequestsCode>() is not null
            : u.Find<RequestsCode>() is not null || u.Has<AsksImplementation>(),
        "ask_fact" => u.Intents.OfType<AsksFact>().Any(f => f.Fact.Question == l.Argument),
        "ask_concept" => u.Intents.OfType<AsksConcept>().Any(c => c.Entry.Id == l.Argument),
        "ask_whole_codebase" => u.Has<AsksWholeCodebase>(),
        "ask_framework_bug" => u.Has<AsksIfFrameworkIsBuggy>(),
        "claim_root_cause" => l.Argument switch
        {
            "correct" => u.Find<ClaimsRootCause>() is { Correct: true },
            "wrong" => u.Find<ClaimsRootCause>() is { Correct: false } || u.Has<StatesHypotheses>() && !u.Has<ClaimsRootCause>(),
            _ => u.Find<ClaimsRootCause>() is not { Correct: true },
        },
        "propose_fix" => u.Find<ProposesFix>() is { } f && f.Correct == (l.Argument == "correct"),
        "verification" => u.Has<DescribesVerification>(),
        "stuck" => u.Has<SaysStuck>() || u.Has<GivesUp>(),
        "give_up" => u.Has<GivesUp>(),
        "blame_framework" => u.Has<BlamesFramework>(),
        "other" => !u.Intents.Any(i => i is ClaimsRootCause or ProposesFix or GivesUp or BlamesFramework or RequestsCode),
        _ => throw new FormatException($"{l}: unknown label"),
    };
}
