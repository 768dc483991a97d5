using YamlDotNet.RepresentationModel;

namespace BugTrail.Core.Scenarios.Loading;

/// <summary>The result of parsing one scenario folder: the scenario if it could be built, and every error found.</summary>
public sealed record ParsedScenario(Scenario? Scenario, SourceMap Map, IReadOnlyList<Diagnostic> Errors);

/// <summary>Turns the text of a scenario folder into a <see cref="Scenario"/>, reporting errors with their lines.</summary>
public static class ScenarioParser
{
    private static readonly string[] TopLevel =
    [
        "id", "title", "difficulty", "expected_minutes", "category", "levels", "formats", "symptom",
        "environment", "timeline", "opening_metrics", "openings", "code", "evidence", "facts", "hints",
        "root_cause", "fix", "follow_ups", "explanation", "key_learning",
    ];

    private static readonly string[] EvidenceFields = ["kind", "title", "columns", "rows", "chart", "log_scale", "note", "requires"];

    /// <summary>The longest code listing a scenario may have.</summary>
    public const int MaxCodeLines = 1500;

    public static ParsedScenario Parse(ScenarioSource source)
    {
        var map = new SourceMap(source.YamlPath, source.BuggyPath, source.FixedPath);
        var errors = source.ReadErrors.ToList();
        Missing(source.YamlPath, source.YamlText, "scenario.yaml (the scenario itself)");
        Missing(source.BuggyPath, source.BuggyText, "buggy.py (the code the candidate sees)");
        Missing(source.FixedPath, source.FixedText, "fixed.py (the reference fix)");
        if (source.YamlText is null) return new(null, map, errors);
        // The bug is located by diffing the two listings, which costs their lengths times their difference: bound it.
        if (TooLong(source.BuggyPath, source.BuggyText) | TooLong(source.FixedPath, source.FixedText)) return new(null, map, errors);

        var read = YamlText.Read(source.YamlText);
        if (read.Error is { } malformed) return new(null, map, [.. errors, new(source.YamlPath, read.Line, malformed)]);
        if (read.Root is not YamlMappingNode root)
            return new(null, map, [.. errors, new(source.YamlPath, 1, "the document must be a mapping of scenario fields")]);

        var y = new YamlFields(map, errors);
        y.Known(root, "", TopLevel);
        var scenario = Build(y, root, source) with { ContentHash = Hash(source) };
        return new(errors.Count == 0 ? scenario : null, map, errors);

        bool TooLong(string path, string? text)
        {
            var lines = text is null ? 0 : SourceText.Lines(text).Count;
            if (lines <= MaxCodeLines) return false;
            errors.Add(new(path, MaxCodeLines + 1, $"the listing has {lines} lines; a scenario's code is read in an interview, at most {MaxCodeLines} lines"));
            return true;
        }

        void Missing(string path, string? text, string what)
        {
            if (text is null && errors.All(e => e.File != path))
                errors.Add(new(path, 1, $"missing file: every scenario folder needs {what}"));
        }
    }

    private static Scenario Build(YamlFields y, YamlMappingNode root, ScenarioSource source)
    {
        var formats = y.EnumList<InterviewFormat>(root, "", "formats");
        var buggy = source.BuggyText ?? "";
        var fixedText = source.FixedText ?? "";
        return new Scenario
        {
            Id = y.Text(root, "", "id"),
            Title = y.Text(root, "", "title"),
            Difficulty = y.Enum(y.Child(root, "", "difficulty"), "difficulty", Difficulty.Medium),
            ExpectedMinutes = Minutes(y, y.Child(root, "", "expected_minutes")),
            Category = y.Enum(y.Child(root, "", "category"), "category", BugCategory.TrainingLoop),
            Levels = y.EnumList<Level>(root, "", "levels"),
            Formats = formats,
            Symptom = Symptom(y, y.Mapping(y.Child(root, "", "symptom"), "symptom")),
            Environment = Environment(y, y.Mapping(y.Child(root, "", "environment"), "environment")),
            Timeline = y.Text(root, "", "timeline"),
            OpeningMetrics = Evidence(y, y.Mapping(y.Child(root, "", "opening_metrics"), "opening_metrics"), "opening_metrics"),
            Openings = Openings(y, y.Mapping(y.Child(root, "", "openings"), "openings")),
            Code = Code(y, y.Mapping(y.Child(root, "", "code"), "code"), buggy, fixedText),
            Evidence = y.Sequence(y.Child(root, "", "evidence"), "evidence")
                .Select((node, i) => Evidence(y, y.Mapping(node, $"evidence[{i}]"), $"evidence[{i}]")).ToList(),
            Facts = y.Sequence(y.Child(root, "", "facts"), "facts")
                .Select((node, i) => Fact(y, y.Mapping(node, $"facts[{i}]"), $"facts[{i}]")).ToList(),
            Hints = Hints(y, y.Mapping(y.Child(root, "", "hints"), "hints")),
            RootCause = RootCause(y, y.Mapping(y.Child(root, "", "root_cause"), "root_cause")),
            Fix = Fix(y, y.Mapping(y.Child(root, "", "fix"), "fix")),
            FollowUps = y.Sequence(y.Child(root, "", "follow_ups"), "follow_ups")
                .Select((node, i) => FollowUp(y, y.Mapping(node, $"follow_ups[{i}]"), $"follow_ups[{i}]")).ToList(),
            Explanation = y.Text(root, "", "explanation"),
            KeyLearning = y.Text(root, "", "key_learning"),
        };
    }

    private static string Hash(ScenarioSource source) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{source.YamlText}\n\0{source.BuggyText}\n\0{source.FixedText}")))[..16];

    private static MinuteRange Minutes(YamlFields y, YamlNode? node)
    {
        var items = y.Sequence(node, "expected_minutes");
        if (node is null || items.Count == 0 && node is not YamlSequenceNode) return new(0, 0);
        if (items.Count != 2)
        {
            y.Error(node, "'expected_minutes' must be [min, max]");
            return new(0, 0);
        }
        return new(y.Integer(items[0], "expected_minutes[0]") ?? 0, y.Integer(items[1], "expected_minutes[1]") ?? 0);
    }

    private static Symptom Symptom(YamlFields y, YamlMappingNode? m)
    {
        if (m is not null) y.Known(m, "symptom", "summary", "measurement");
        return new(y.Text(m, "symptom", "summary"), y.Text(m, "symptom", "measurement"));
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Environment(YamlFields y, YamlMappingNode? m)
    {
        if (m is null) return [];
        if (m.Children.Count == 0) y.Error(m, "'environment' must list at least one detail (hardware, model, batch, ...)");
        return m.Children
            .Select(kv => new KeyValuePair<string, string>(
                (kv.Key as YamlScalarNode)?.Value ?? "",
                y.Text(kv.Value, YamlFields.Join("environment", (kv.Key as YamlScalarNode)?.Value ?? ""))))
            .ToList();
    }

    private static IReadOnlyDictionary<InterviewFormat, string> Openings(YamlFields y, YamlMappingNode? m)
    {
        var openings = new Dictionary<InterviewFormat, string>();
        if (m is null) return openings;
        foreach (var (key, value) in m.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var path = YamlFields.Join("openings", name);
            y.Map.Record(path, YamlFields.Line(key));
            var format = y.Enum(key, path, (InterviewFormat)(-1));
            if ((int)format == -1) continue;
            openings[format] = y.Text(value, path);
        }
        return openings;
    }

    private static CodeListing Code(YamlFields y, YamlMappingNode? m, string buggy, string fixedText)
    {
        if (m is not null) y.Known(m, "code", "file_name", "component", "narrowing_terms");
        return new CodeListing
        {
            FileName = y.Text(m, "code", "file_name"),
            Component = y.Text(m, "code", "component"),
            NarrowingTerms = y.TextList(m, "code", "narrowing_terms", required: false),
            Buggy = buggy,
            Fixed = fixedText,
            Bug = CodeDiff.Locate(buggy, fixedText),
        };
    }

    private static Evidence Evidence(YamlFields y, YamlMappingNode? m, string path)
    {
        if (m is not null) y.Known(m, path, EvidenceFields);
        var columns = y.TextList(m, path, "columns");
        var rowsPath = YamlFields.Join(path, "rows");
        var rowNodes = y.Sequence(y.Child(m, path, "rows"), rowsPath);
        if (m is not null && rowNodes.Count == 0 && y.Child(m, path, "rows", required: false) is YamlSequenceNode seq)
            y.Error(seq, $"'{rowsPath}' must hold at least one row");
        var rows = new List<IReadOnlyList<Cell>>();
        for (var r = 0; r < rowNodes.Count; r++)
        {
            var cells = y.Sequence(rowNodes[r], $"{rowsPath}[{r}]");
            if (cells.Count != columns.Count && rowNodes[r] is YamlSequenceNode)
                y.Error(rowNodes[r], $"'{rowsPath}[{r}]' has {cells.Count} values but there are {columns.Count} columns");
            rows.Add(cells.Select((c, i) => y.Cell(c, $"{rowsPath}[{r}][{i}]")).ToList());
        }
        var note = y.Child(m, path, "note", required: false);
        return new Evidence
        {
            Kind = y.Enum(y.Child(m, path, "kind"), YamlFields.Join(path, "kind"), EvidenceKind.Config),
            Title = y.Text(m, path, "title"),
            Columns = columns,
            Rows = rows,
            Chart = y.Enum(y.Child(m, path, "chart", required: false), YamlFields.Join(path, "chart"), ChartKind.None),
            LogScale = y.Flag(m, path, "log_scale"),
            Note = note is null ? null : y.Text(note, YamlFields.Join(path, "note")),
            Requires = y.EnumList<EvidenceKind>(m, path, "requires", required: false),
        };
    }

    private static Fact Fact(YamlFields y, YamlMappingNode? m, string path)
    {
        if (m is not null) y.Known(m, path, "question", "terms", "answer");
        return new(y.Text(m, path, "question"), y.TextList(m, path, "terms", required: false), y.Text(m, path, "answer"));
    }

    private static HintLadder Hints(YamlFields y, YamlMappingNode? m)
    {
        if (m is not null) y.Known(m, "hints", "gentle", "direct", "strong");
        return new(y.Text(m, "hints", "gentle"), y.Text(m, "hints", "direct"), y.Text(m, "hints", "strong"));
    }

    private static RootCause RootCause(YamlFields y, YamlMappingNode? m)
    {
        if (m is not null) y.Known(m, "root_cause", "summary", "concepts");
        return new(y.Text(m, "root_cause", "summary"), Concepts(y, m, "root_cause", "concepts"));
    }

    private static Fix Fix(YamlFields y, YamlMappingNode? m)
    {
        if (m is not null) y.Known(m, "fix", "summary", "concepts");
        return new(y.Text(m, "fix", "summary"), Concepts(y, m, "fix", "concepts"));
    }

    private static FollowUp FollowUp(YamlFields y, YamlMappingNode? m, string path)
    {
        if (m is not null) y.Known(m, path, "id", "question", "source", "strong_points", "weak_points", "requires", "asked_with");
        var with = y.Child(m, path, "asked_with", required: false);
        return new FollowUp
        {
            Id = y.Text(m, path, "id"),
            Question = y.Text(m, path, "question"),
            Source = y.Enum(y.Child(m, path, "source"), YamlFields.Join(path, "source"), FollowUpSource.Scenario),
            StrongPoints = Concepts(y, m, path, "strong_points"),
            WeakPoints = Concepts(y, m, path, "weak_points"),
            Requires = y.EnumList<EvidenceKind>(m, path, "requires", required: false),
            AskedWith = with is null ? null : y.Text(with, YamlFields.Join(path, "asked_with")),
        };
    }

    private static IReadOnlyList<Concept> Concepts(YamlFields y, YamlMappingNode? parent, string path, string key)
    {
        var full = YamlFields.Join(path, key);
        var node = y.Child(parent, path, key);
        var items = y.Sequence(node, full);
        if (node is YamlSequenceNode && items.Count == 0) y.Error(node, $"'{full}' must list at least one concept");
        return items.Select((item, i) =>
        {
            var itemPath = $"{full}[{i}]";
            var m = y.Mapping(item, itemPath);
            if (m is not null) y.Known(m, itemPath, "name", "terms");
            return new Concept(y.Text(m, itemPath, "name"), y.TextList(m, itemPath, "terms", required: false));
        }).ToList();
    }
}
