using System.Reflection;

namespace BugTrail.Core.Understanding.Meaning;

/// <summary>
/// The meaning reader's general texts, compiled into Core from Understanding/Model/*.tsv: how people name
/// each evidence kind, intent exemplars, plausible wrong claims, and the labelled development messages. Data, not code: edit the files.
/// </summary>
internal static class ModelTexts
{
    public static readonly Lazy<IReadOnlyList<(string Label, string Text)>> EvidenceKinds = new(() => Load("evidence-kinds.tsv"));
    public static readonly Lazy<IReadOnlyList<(string Label, string Text)>> Intents = new(() => Load("intents.tsv"));
    public static readonly Lazy<IReadOnlyList<(string Label, string Text)>> WrongClaims = new(() => Load("wrong-claims.tsv"));

    /// <summary>The development tables (Model/Phrasings/*.tsv): labelled candidate messages, the reader's examples.</summary>
    public static readonly Lazy<IReadOnlyList<LabelledPhrasing>> Phrasings = new(() =>
    {
        var assembly = typeof(ModelTexts).Assembly;
        const string folder = ".Understanding.Model.Phrasings.";
        return assembly.GetManifestResourceNames().Where(n => n.Contains(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal).SelectMany(n =>
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
            return LabelledPhrasing.Parse(n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..], reader.ReadToEnd());
        }).ToList();
    });

    private static List<(string, string)> Load(string name)
    {
        var assembly = typeof(ModelTexts).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Core is missing its embedded model file {name}");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        var rows = new List<(string, string)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0) throw new InvalidDataException($"{name}:{number}: expected label<TAB>text");
            rows.Add((line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }
        return rows;
    }
}
