using BugTrail.Core.Replay;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Banks;
using BugTrail.Storage.Database;
using Microsoft.EntityFrameworkCore;

namespace BugTrail.Storage.Tests;

/// <summary>The event store on a real SQLite file, migrated as the app migrates it on start.</summary>
public sealed class SessionRepositoryTests : IAsyncLifetime
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"bugtrail-{Guid.NewGuid():N}.db");
    private IDbContextFactory<BugTrailDb> factory = null!;
    private SessionRepository repository = null!;

    private sealed class Factory(DbContextOptions<BugTrailDb> options) : IDbContextFactory<BugTrailDb>
    {
        public BugTrailDb CreateDbContext() => new(options);
    }

    public async Task InitializeAsync()
    {
        factory = new Factory(new DbContextOptionsBuilder<BugTrailDb>().UseSqlite($"Data Source={file}").Options);
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        repository = new SessionRepository(factory);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
        return Task.CompletedTask;
    }

    private static IReadOnlyList<SessionEvent> Part1Log()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "BugTrail.slnx"))) root = Path.GetDirectoryName(root)!;
        var bank = BankFolders.Load([Path.Combine(root, "scenarios")]);
        var path = Path.Combine(root, "tests", "BugTrail.Core.Tests", "Replays", "part1-worked-interview.yaml");
        return ReplayRunner.Run(ReplayScript.Parse(path, File.ReadAllText(path)), bank, BugTrail.Core.Understanding.RuleReader.Instance).Interview.Log;
    }

    [Fact]
    public async Task A_log_is_stored_and_read_back_in_order()
    {
        var log = Part1Log();
        var (id, _) = await repository.CreateAsync(InterviewKind.Practice, "Ada", null, log.Take(3).ToList(), new Dictionary<string, string> { ["attention-scaling-missing"] = "abc" });
        await repository.AppendAsync(id, 3, log.Skip(3).ToList(), ended: true);
        var back = await repository.LoadAsync(id);
        Assert.Equal(log.Count, back.Count);
        Assert.Equal(Sessions.SessionCodec.Serialize(log), Sessions.SessionCodec.Serialize(back));
        var record = await repository.FindAsync(id);
        Assert.True(record!.Ended);
        Assert.Equal(log.Count, record.EventCount);
    }

    [Fact]
    public async Task Two_appends_from_the_same_reading_cannot_both_land()
    {
        var log = Part1Log();
        var (id, _) = await repository.CreateAsync(InterviewKind.Interview, "Ada", "rita", log.Take(2).ToList(), new Dictionary<string, string>());
        await repository.AppendAsync(id, 2, [log[2]], ended: false);
        await Assert.ThrowsAsync<ConcurrentAppendException>(() => repository.AppendAsync(id, 2, [log[3]], ended: false));
        Assert.Equal(3, (await repository.LoadAsync(id)).Count);
    }

    [Fact]
    public async Task Racing_appends_leave_an_intact_log()
    {
        var log = Part1Log();
        var (id, _) = await repository.CreateAsync(InterviewKind.Interview, "Ada", "rita", log.Take(2).ToList(), new Dictionary<string, string>());
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try { await repository.AppendAsync(id, 2, [log[2 + i]], ended: false); return true; }
            catch (ConcurrentAppendException) { return false; }
        }));
        Assert.Equal(1, results.Count(ok => ok));
        var back = await repository.LoadAsync(id);
        Assert.Equal(3, back.Count);
    }

    [Fact]
    public async Task The_same_migrations_and_store_run_on_postgresql()
    {
        await using var postgres = new PostgresServer();
        await postgres.StartAsync();
        IDbContextFactory<BugTrailDb> pg = new Factory(new DbContextOptionsBuilder<BugTrailDb>().UseBugTrailPostgres(postgres.ConnectionString).Options);
        await using (var db = await pg.CreateDbContextAsync()) await db.Database.MigrateAsync();
        var store = new SessionRepository(pg);
        var log = Part1Log();
        var (id, token) = await store.CreateAsync(InterviewKind.Interview, "Ada", "rita", log.Take(4).ToList(), new Dictionary<string, string> { ["attention-scaling-missing"] = "abc" });
        await store.AppendAsync(id, 4, log.Skip(4).ToList(), ended: true);
        await Assert.ThrowsAsync<ConcurrentAppendException>(() => store.AppendAsync(id, 4, [log[4]], ended: true));
        Assert.Equal(Sessions.SessionCodec.Serialize(log), Sessions.SessionCodec.Serialize(await store.LoadAsync(id)));
        Assert.Equal(id, (await store.FindByTokenAsync(token))!.Id);
        Assert.Single(await store.ListAsync());
    }

    [Fact]
    public async Task A_candidate_token_opens_its_own_session_only()
    {
        var log = Part1Log();
        var (first, token) = await repository.CreateAsync(InterviewKind.Interview, "Ada", "rita", log.Take(1).ToList(), new Dictionary<string, string>());
        var (second, other) = await repository.CreateAsync(InterviewKind.Interview, "Bob", "rita", log.Take(1).ToList(), new Dictionary<string, string>());
        Assert.Equal(first, (await repository.FindByTokenAsync(token))!.Id);
        Assert.Equal(second, (await repository.FindByTokenAsync(other))!.Id);
        Assert.Null(await repository.FindByTokenAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await repository.FindByTokenAsync(""));
        Assert.True(token.Length >= 43);
        await using var db = await factory.CreateDbContextAsync();
        Assert.DoesNotContain(await db.Interviews.Select(i => i.CandidateTokenHash).ToListAsync(), h => h == token);
    }
}
