using BugTrail.Core.Sessions;
using BugTrail.Storage.Database;
using Microsoft.EntityFrameworkCore;

namespace BugTrail.Storage.Sessions;

/// <summary>A stored session: in the database (with its id), or a session file (with its path).</summary>
public sealed record StoredSession(Guid? Id, string? Path, IReadOnlyList<SessionEvent> Log)
{
    public string Name => Id?.ToString() ?? Path!;
}

/// <summary>
/// The session store both front ends share: the database in the data folder (<c>$BUGTRAIL_DATA</c>, else
/// <c>$XDG_DATA_HOME/bugtrail</c>, else <c>~/.local/share/bugtrail</c>), the same one the web app uses by
/// default. Session files stay the export format; any under <c>sessions/</c> count too.
/// </summary>
public sealed class SessionStore(string root)
{
    private SessionRepository? repository;

    public string Root { get; } = System.IO.Path.GetFullPath(root);

    public string SessionsFolder => System.IO.Path.Combine(Root, "sessions");

    public string DatabaseFile => System.IO.Path.Combine(Root, "bugtrail.db");

    public static string DefaultRoot()
    {
        if (Environment.GetEnvironmentVariable("BUGTRAIL_DATA") is { Length: > 0 } data) return data;
        if (Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg) return System.IO.Path.Combine(xdg, "bugtrail");
        return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "bugtrail");
    }

    /// <summary>The database, created and migrated on first use.</summary>
    public async Task<SessionRepository> DatabaseAsync()
    {
        if (repository is not null) return repository;
        Directory.CreateDirectory(Root);
        IDbContextFactory<BugTrailDb> factory = DbFactory.Sqlite(DatabaseFile);
        await using (var db = await factory.CreateDbContextAsync()) await db.Database.MigrateAsync();
        return repository = new SessionRepository(factory);
    }

    /// <summary>A session by file path, by its id in the database (or the id's first 8+ characters), or by a file name under sessions/.</summary>
    public async Task<StoredSession?> FindAsync(string pathOrId)
    {
        if (File.Exists(pathOrId)) return new(null, pathOrId, SessionFile.Load(pathOrId));
        var named = System.IO.Path.Combine(SessionsFolder, pathOrId.EndsWith(".json", StringComparison.Ordinal) ? pathOrId : pathOrId + ".json");
        if (File.Exists(named)) return new(null, named, SessionFile.Load(named));
        if (!File.Exists(DatabaseFile) || pathOrId.Length < 8) return null;
        var db = await DatabaseAsync();
        // An interview not yet started has no log to report on or evaluate.
        var match = (await db.ListAsync()).Where(r => r.EventCount > 0 && r.Id.ToString().StartsWith(pathOrId, StringComparison.OrdinalIgnoreCase)).ToList();
        return match.Count == 1 ? new(match[0].Id, null, await db.LoadAsync(match[0].Id)) : null;
    }

    /// <summary>Every readable session: the database's started ones, then any files under sessions/ (one that is not a session is skipped).</summary>
    public async Task<IReadOnlyList<StoredSession>> AllAsync()
    {
        var all = new List<StoredSession>();
        if (File.Exists(DatabaseFile))
        {
            var db = await DatabaseAsync();
            foreach (var record in (await db.ListAsync()).Where(r => r.EventCount > 0)) all.Add(new(record.Id, null, await db.LoadAsync(record.Id)));
        }
        if (Directory.Exists(SessionsFolder))
            foreach (var file in Directory.EnumerateFiles(SessionsFolder, "*.json").Order(StringComparer.Ordinal))
            {
                try { all.Add(new(null, file, SessionFile.Load(file))); }
                catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException or IOException) { }
            }
        return all;
    }

    /// <summary>
    /// Appends entries that stand on their own (an interviewer's overrides or notes) to a session, wherever its log has got
    /// to: if the web app appended meanwhile, the log is read again and the entries go after what it added. Returns the log.
    /// </summary>
    public async Task<IReadOnlyList<SessionEvent>> AppendAsync(StoredSession session, IReadOnlyList<SessionEvent> entries)
    {
        for (var attempt = 0; ; attempt++)
        {
            var log = session.Log.Concat(entries).ToList();
            try
            {
                await SaveAsync(session, log);
                return log;
            }
            catch (ConcurrentAppendException) when (attempt < 5 && session.Id is { } id)
            {
                session = session with { Log = await (await DatabaseAsync()).LoadAsync(id) };
            }
        }
    }

    /// <summary>Stores what was added to a session's log since it was read.</summary>
    public async Task SaveAsync(StoredSession session, IReadOnlyList<SessionEvent> log)
    {
        if (session.Path is { } path) SessionFile.Save(path, log);
        else await (await DatabaseAsync()).AppendAsync(session.Id!.Value, session.Log.Count, log.Skip(session.Log.Count).ToList(), log.OfType<InterviewerActed>().Any(a => a.Action.Kind == Core.Policy.ActionKind.End));
    }
}
