namespace BugTrail.Core.Understanding.Meaning;

/// <summary>One thing a labelled message does (Model/Phrasings/README.md): an intent and its argument.</summary>
public sealed record PhrasingLabel(string Intent, string Argument)
{
    public override string ToString() => Argument.Length == 0 ? Intent : $"{Intent}:{Argument}";
}

/// <summary>
/// A candidate message labelled with everything it does. The development tables are the reader's examples of how
/// candidates say things; the held-out tables (tests) only measure it. The author is the file name's last part.
/// </summary>
public sealed record LabelledPhrasing(string Source, int Line, string ScenarioId, bool CodeVisible, IReadOnlyList<PhrasingLabel> Labels, string Text)
{
    public string Author => Path.GetFileNameWithoutExtension(Source).Split('-')[^1];

    /// <summary>Reads a table (format v2: scenario, stage, labels, text); a bad line is a <c>file:line: message</c> error.</summary>
    public static IReadOnlyList<LabelledPhrasing> Parse(string name, string text)
    {
        var rows = new List<LabelledPhrasing>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
            if (line.Split('\t') is not [var scenario, var stage, var labels, var message])
                throw new FormatException($"{name}:{i + 1}: expected 4 tab-separated fields: scenario, stage, labels, text");
            if (stage is not ("opening" or "code")) throw new FormatException($"{name}:{i + 1}: stage must be 'opening' or 'code' (got '{stage}')");
            var parsed = labels.Split(" + ", StringSplitOptions.TrimEntries).Select(l =>
            {
                var colon = l.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? new PhrasingLabel(l, "") : new PhrasingLabel(l[..colon], l[(colon + 1)..]);
            }).ToList();
            if (parsed.Any(l => l.Intent.Length == 0)) throw new FormatException($"{name}:{i + 1}: empty label");
            rows.Add(new LabelledPhrasing(name, i + 1, scenario.Trim(), stage == "code", parsed, message));
        }
        return rows;
    }
}
