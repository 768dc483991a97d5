using BugTrail.Core.Evaluation;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Banks;
using BugTrail.Storage.Database;
using Microsoft.EntityFrameworkCore;

namespace BugTrail.Storage.Tests;

/// <summary>The per-session summary rows lists and the bar read: kept on append, paged and filtered in the database.</summary>
public sealed class SessionSummaryTests : IAsyncLifetime
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"bugtrail-{Guid.NewGuid():N}.db");
    private DbFactory factory = null!;
    private SessionRepository repository = null!;
    private static readonly Lazy<ScenarioBank> Bank = new(() => BankFolders.Load([Path.Combine(Root(), "scenarios")]));

    public async Task InitializeAsync()
    {
        factory = DbFactory.Sqlite(file);
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync();
        repository = new SessionRepository(factory);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
        return Task.CompletedTask;
    }

    private static string Root()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "BugTrail.slnx"))) root = Path.GetDirectoryName(root)!;
        return root;
    }

    /// <summary>Part 1 of the guide, replayed: a mid-level candidate on attention-scaling-missing who finds the bug.</summary>
    private static IReadOnlyList<SessionEvent> Part1Log()
    {
        var path = Path.Combine(Root(), "tests", "BugTrail.Core.Tests", "Replays", "part1-worked-interview.yaml");
        return ReplayRunner.Run(ReplayScript.Parse(path, File.ReadAllText(path)), Bank.Value, BugTrail.Core.Understanding.RuleReader.Instance).Interview.Log;
    }

    private static InterviewEvaluation Evaluate(IReadOnlyList<SessionEvent> log) =>
        Evaluator.Evaluate(log, id => Bank.Value.Find(id)!, BugTrail.Core.Understanding.RuleReader.Instance);

    private async Task<Guid> StoreAsync(InterviewKind kind, IReadOnlyList<SessionEvent> log, bool end, DateTimeOffset? at = null)
    {
        var start = log.Take(1).Select(e => at is { } t ? ((InterviewStarted)e) with { At = t } : e).ToList();
        var (id, _) = await repository.CreateAsync(kind, "Ada", null, start, new Dictionary<string, string>());
        if (end) await repository.AppendAsync(id, 1, log.Skip(1).ToList(), ended: true, Evaluate(start.Concat(log.Skip(1)).ToList()));
        return id;
    }

    [Fact]
    public async Task A_session_lists_its_level_and_scenarios_from_creation_and_its_evaluation_from_the_append_that_ends_it()
    {
        var log = Part1Log();
        var id = await StoreAsync(InterviewKind.Interview, log, end: true);
        var row = (await repository.PageAsync(new SessionFilter(), 0, 50)).Page.Single();
        var expected = Evaluate(log);
        Assert.Equal((id, "mid", "attention-scaling-missing"), (row.Id, row.Level, row.Scenarios));
        Assert.Equal(expected.Scores.Overall, row.Overall);
        Assert.Equal(WireNames.Of(expected.Recommendation), row.Recommendation);
        Assert.Equal(expected.TimeToSolve!.Value.TotalMinutes, row.MinutesToSolve!.Value, 6);
        Assert.Empty(await repository.StaleSummariesAsync());
    }

    [Fact]
    public async Task An_append_without_an_evaluation_leaves_the_summary_stale_and_a_late_refresh_never_overwrites_newer_events()
    {
        var log = Part1Log();
        var id = await StoreAsync(InterviewKind.Interview, log, end: true);
        // The CLI adds an override without evaluating: the row is now behind its log.
        var overridden = new EvaluationOverridden(log[^1].At, new RecommendationOverride(Recommendation.WeakHire, "borderline on the call"), "rita");
        await repository.AppendAsync(id, log.Count, [overridden], ended: true);
        Assert.Equal([(id, true)], await repository.StaleSummariesAsync());

        // A refresh computed from the shorter log is refused; one from the log as it stands is kept.
        await repository.SaveSummaryAsync(id, log.Count, ((InterviewStarted)log[0]).Plan, Evaluate(log));
        Assert.Single(await repository.StaleSummariesAsync());
        var now = log.Append(overridden).ToList();
        await repository.SaveSummaryAsync(id, now.Count, ((InterviewStarted)log[0]).Plan, Evaluate(now));
        Assert.Empty(await repository.StaleSummariesAsync());
        Assert.Equal("weak_hire", (await repository.FindAsync(id))!.Recommendation);
    }

    [Fact]
    public async Task Pages_and_filters_run_in_the_database_newest_first()
    {
        var log = Part1Log();
        var t0 = log[0].At;
        for (var i = 0; i < 7; i++) await StoreAsync(InterviewKind.Interview, log, end: i % 2 == 0, t0.AddMinutes(i));
        for (var i = 0; i < 3; i++) await StoreAsync(InterviewKind.Practice, log, end: true, t0.AddMinutes(10 + i));

        var (first, total) = await repository.PageAsync(new SessionFilter(InterviewKind.Interview), 0, 5);
        Assert.Equal(7, total);
        Assert.Equal(5, first.Count);
        Assert.Equal(t0.AddMinutes(6), first[0].CreatedAt);
        var (second, _) = await repository.PageAsync(new SessionFilter(InterviewKind.Interview), 5, 5);
        Assert.Equal([t0.AddMinutes(1), t0], second.Select(r => r.CreatedAt));

        Assert.Equal(4, (await repository.PageAsync(new SessionFilter(InterviewKind.Interview, EndedOnly: true), 0, 50)).Total);
        Assert.Equal(10, (await repository.PageAsync(new SessionFilter(ScenarioId: "attention-scaling-missing"), 0, 50)).Total);
        // A scenario id that is only part of another id matches nothing.
        Assert.Equal(0, (await repository.PageAsync(new SessionFilter(ScenarioId: "attention-scaling"), 0, 50)).Total);
    }

    [Fact]
    public async Task The_bar_holds_ended_interviews_only()
    {
        var log = Part1Log();
        await StoreAsync(InterviewKind.Interview, log, end: true);
        await StoreAsync(InterviewKind.Interview, log, end: false);
        await StoreAsync(InterviewKind.Practice, log, end: true);
        var bar = await repository.BarEntriesAsync();
        var entry = Assert.Single(bar);
        Assert.Equal((Level.Mid, "attention-scaling-missing", Evaluate(log).Scores.Overall), (entry.Level, entry.Scenarios, entry.Overall));
    }
}
