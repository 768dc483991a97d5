using BugTrail.Storage.Database;
using BugTrail.Storage.Sessions;

namespace BugTrail.Storage.Tests;

/// <summary>One store, two front ends: what the web app writes, the CLI's store reads, and the other way round.</summary>
public class SessionStoreTests
{
    [Fact]
    public async Task Sessions_written_through_the_database_are_found_by_id_and_listed()
    {
        var store = new SessionStore(Directory.CreateTempSubdirectory("bugtrail-store-").FullName);
        var log = new SessionCodecTests().Part1Log();
        var (id, _) = await (await store.DatabaseAsync()).CreateAsync(InterviewKind.Interview, "Ada", "rita", log, new Dictionary<string, string>());
        var found = await store.FindAsync(id.ToString()[..8]);
        Assert.Equal(id, found!.Id);
        Assert.Equal(log.Count, found.Log.Count);
        Assert.Contains(await store.AllAsync(), s => s.Id == id);

        var more = found.Log.ToList();
        more.Add(new BugTrail.Core.Sessions.InterviewerNoted(log[^1].At, "kept", "rita"));
        await store.SaveAsync(found, more);
        Assert.Equal(log.Count + 1, (await store.FindAsync(id.ToString()))!.Log.Count);
    }

    [Fact]
    public async Task An_override_from_the_cli_lands_after_what_the_web_app_appended_meanwhile()
    {
        var store = new SessionStore(Directory.CreateTempSubdirectory("bugtrail-store-").FullName);
        var log = new SessionCodecTests().Part1Log();
        var database = await store.DatabaseAsync();
        var (id, _) = await database.CreateAsync(InterviewKind.Interview, "Ada", "rita", log, new Dictionary<string, string>());
        var stale = (await store.FindAsync(id.ToString()))!;
        // The web app appends after the CLI read the session ...
        await database.AppendAsync(id, log.Count, [new BugTrail.Core.Sessions.InterviewerNoted(log[^1].At, "from the console", "rita")], ended: false);
        // ... and the CLI's override is not lost: it goes after the console's note.
        var overridden = new BugTrail.Core.Sessions.EvaluationOverridden(log[^1].At,
            new BugTrail.Core.Evaluation.ScoreOverride(BugTrail.Core.Evaluation.RubricArea.Communication, 90, "clear on the call"), "rita");
        var saved = await store.AppendAsync(stale, [overridden]);
        var stored = await database.LoadAsync(id);
        Assert.Equal(log.Count + 2, stored.Count);
        Assert.IsType<BugTrail.Core.Sessions.InterviewerNoted>(stored[^2]);
        Assert.IsType<BugTrail.Core.Sessions.EvaluationOverridden>(stored[^1]);
        Assert.Equal(stored.Count, saved.Count);
    }

    [Fact]
    public async Task An_unknown_id_or_a_short_prefix_finds_nothing()
    {
        var store = new SessionStore(Directory.CreateTempSubdirectory("bugtrail-store-").FullName);
        Assert.Null(await store.FindAsync("0123456789abcdef"));
        Assert.Null(await store.FindAsync("abc"));
    }
}
