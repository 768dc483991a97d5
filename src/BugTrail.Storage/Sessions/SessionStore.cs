using BugTrail.Core.Sessions;

namespace BugTrail.Storage.Sessions;

/// <summary>
/// The local session store the CLI uses by default: one file per session under <c>sessions/</c> of the data
/// folder (<c>$BUGTRAIL_DATA</c>, else <c>$XDG_DATA_HOME/bugtrail</c>, else <c>~/.local/share/bugtrail</c>).
/// </summary>
public sealed class SessionStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string SessionsFolder => Path.Combine(Root, "sessions");

    public static string DefaultRoot()
    {
        if (Environment.GetEnvironmentVariable("BUGTRAIL_DATA") is { Length: > 0 } data) return data;
        if (Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg) return Path.Combine(xdg, "bugtrail");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "bugtrail");
    }

    public string NewPath(DateTimeOffset at, string scenarioId) =>
        Path.Combine(SessionsFolder, $"{at:yyyyMMdd-HHmmss}-{scenarioId}.json");

    /// <summary>A session file by path, or by its name in the store (with or without .json).</summary>
    public string? Resolve(string pathOrName)
    {
        if (File.Exists(pathOrName)) return pathOrName;
        var named = Path.Combine(SessionsFolder, pathOrName.EndsWith(".json", StringComparison.Ordinal) ? pathOrName : pathOrName + ".json");
        return File.Exists(named) ? named : null;
    }

    /// <summary>Every readable session in the store; a file that is not a session is skipped, not fatal.</summary>
    public IEnumerable<(string Path, IReadOnlyList<SessionEvent> Log)> All()
    {
        if (!Directory.Exists(SessionsFolder)) yield break;
        foreach (var file in Directory.EnumerateFiles(SessionsFolder, "*.json").Order(StringComparer.Ordinal))
        {
            IReadOnlyList<SessionEvent>? log = null;
            try { log = SessionFile.Load(file); }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException or IOException) { }
            if (log is not null) yield return (file, log);
        }
    }
}
