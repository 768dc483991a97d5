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
    public async Task An_unknown_id_or_a_short_prefix_finds_nothing()
    {
        var store = new SessionStore(Directory.CreateTempSubdirectory("bugtrail-store-").FullName);
        Assert.Null(await store.FindAsync("0123456789abcdef"));
        Assert.Null(await store.FindAsync("abc"));
    }
}
