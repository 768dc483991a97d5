using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Scenarios.Loading;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Tests.Understanding;

/// <summary>One labelled message (Phrasings/README.md): what the candidate did, every part of it.</summary>
public sealed record LabelledMessage(string File, int Line, string Author, string ScenarioId, bool CodeVisible, IReadOnlyList<Label> Labels, string Text);

public sealed record Label(string Intent, string Argument)
{
    public override string ToString() => Argument.Length == 0 ? Intent : $"{Intent}:{Argument}";
}

/// <summary>How one message was read against its labels.</summary>
public sealed record Scored(LabelledMessage Message, Utterance Said, IReadOnlyList<(Label Label, bool Found)> Labels, bool FalseAcknowledgement, bool FalseAlarm)
{
    public bool Right => Labels.All(l => l.Found) && !FalseAcknowledgement && !FalseAlarm;
}

/// <summary>The labelled tables: development (Phrasings/) and held-out (HeldOut/), and how a reader scores on them.</summary>
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

    public static IReadOnlyList<LabelledMessage> Development() => LoadAll("Phrasings");

    public static IReadOnlyList<LabelledMessage> HeldOut() => LoadAll("HeldOut");

    private static List<LabelledMessage> LoadAll(string sub) =>
        Directory.GetFiles(Path.Combine(Folder, sub), "*.tsv").Order(StringComparer.Ordinal).SelectMany(Load).ToList();

    /// <summary>Reads a table; the author is the file name's last part (dev-a.tsv → a).</summary>
    public static IReadOnlyList<LabelledMessage> Load(string path)
    {
        var name = Path.GetFileName(path);
        var author = Path.GetFileNameWithoutExtension(path).Split('-')[^1];
        var rows = new List<LabelledMessage>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
            if (line.Split('\t') is not [var scenario, var stage, var labels, var text])
                throw new FormatException($"{name}:{i + 1}: expected 4 tab-separated fields: scenario, stage, labels, text");
            if (stage is not ("opening" or "code")) throw new FormatException($"{name}:{i + 1}: stage must be 'opening' or 'code' (got '{stage}')");
            var parsed = labels.Split(" + ", StringSplitOptions.TrimEntries).Select(l =>
            {
                var colon = l.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? new Label(l, "") : new Label(l[..colon], l[(colon + 1)..]);
            }).ToList();
            rows.Add(new LabelledMessage(name, i + 1, author, scenario.Trim(), stage == "code", parsed, text));
        }
        return rows;
    }

    public static Scored Score(LabelledMessage m, IReader reader)
    {
        var u = reader.Read(m.Text, Scenario(m.ScenarioId), new ReadingContext(m.CodeVisible));
        var labels = m.Labels.Select(l => (l, Found(l, u))).ToList();
        var intents = m.Labels.Select(l => l.Intent).ToHashSet(StringComparer.Ordinal);
        // The costly misreadings: acknowledging what is not the root cause (or not a fix), and alarms no one raised.
        // A correct fix is acknowledged as finding the bug too, so a message labelled only with it may be read as a correct claim.
        var falseAck = (u.Find<ClaimsRootCause>() is { Correct: true } && !m.Labels.Contains(new Label("claim_root_cause", "correct"))
                && !m.Labels.Contains(new Label("propose_fix", "correct")))
            || (u.Find<ProposesFix>() is { Correct: true } && m.Labels.Contains(new Label("propose_fix", "wrong")));
        var falseAlarm = (u.Has<GivesUp>() && !intents.Contains("give_up")) || (u.Has<BlamesFramework>() && !intents.Contains("blame_framework"));
        return new Scored(m, u, labels, falseAck, falseAlarm);
    }

    private static bool Found(Label l, Utterance u) => l.Intent switch
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
