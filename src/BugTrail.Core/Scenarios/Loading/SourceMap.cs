namespace BugTrail.Core.Scenarios.Loading;

/// <summary>Where each field of a scenario.yaml sits, so rules can report <c>file:line</c>.</summary>
public sealed class SourceMap(string yamlPath, string buggyPath, string fixedPath)
{
    private readonly Dictionary<string, int> lines = new(StringComparer.Ordinal);

    public string YamlPath { get; } = yamlPath;
    public string BuggyPath { get; } = buggyPath;
    public string FixedPath { get; } = fixedPath;

    internal void Record(string path, int line) => lines.TryAdd(path, line);

    /// <summary>The line of the field at <paramref name="path"/>, or of its nearest recorded parent.</summary>
    public int LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
            if (lines.TryGetValue(p, out var line)) return line;
        return 1;
    }

    public Diagnostic At(string path, string message) => new(YamlPath, LineOf(path), message);

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
