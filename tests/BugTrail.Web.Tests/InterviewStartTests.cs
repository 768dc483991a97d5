using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Database;
using BugTrail.Storage.Sessions;
using BugTrail.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace BugTrail.Web.Tests;

/// <summary>An interview is planned when created and started by the candidate: its clock runs from their Start.</summary>
public class InterviewStartTests
{
    [Fact]
    public async Task The_clock_runs_from_the_candidates_start_not_from_the_creation_and_starting_twice_starts_once()
    {
        var folder = Directory.CreateTempSubdirectory("bugtrail-start-").FullName;
        var factory = DbFactory.Sqlite(Path.Combine(folder, "bugtrail.db"));
        await using (var db = factory.CreateDbContext()) await db.Database.MigrateAsync();
        var repository = new SessionRepository(factory);
        var catalog = new ScenarioCatalog(new ConfigurationBuilder().Build(), NullLogger<ScenarioCatalog>.Instance);
        var rooms = new LiveInterviews(repository, catalog, TimeProvider.System, NullLogger<LiveInterviews>.Instance);
        var plan = InterviewPlan.Single(catalog.Get("attention-scaling-missing"), InterviewFormat.ProductionDebugging, Level.Mid);
        var created = DateTimeOffset.UtcNow.AddMinutes(-40);   // created forty minutes before the candidate arrives
        var (id, _) = await repository.CreateNotStartedAsync("Ada", "rita", new InterviewStarted(created, plan, "Ada"),
            new Dictionary<string, string> { ["attention-scaling-missing"] = "version-when-planned" });

        // Planned, not started: no log, no room, no evaluation in the CLI's store; listed as such with its plan.
        Assert.Null(await rooms.OpenAsync(id));
        Assert.Empty(await repository.LoadAsync(id));
        Assert.Empty(await new SessionStore(folder).AllAsync());
        var row = (await repository.PageAsync(new SessionFilter(), 0, 50)).Page.Single();
        Assert.Equal((0, "mid", "attention-scaling-missing", created), (row.EventCount, row.Level, row.Scenarios, row.CreatedAt));

        var before = DateTimeOffset.UtcNow;
        var first = (await rooms.StartAsync(id))!;
        var again = (await rooms.StartAsync(id))!;
        var log = await repository.LoadAsync(id);
        var started = Assert.IsType<InterviewStarted>(log[0]);
        Assert.True(started.At >= before, $"the clock started at {started.At:O}, before the candidate's start at {before:O}");
        Assert.Equal(("Ada", plan.Level, plan.Length), (started.Candidate, started.Plan.Level, started.Plan.Length));
        Assert.Equal(plan.Scenarios, started.Plan.Scenarios);
        Assert.Same(first, again);
        Assert.Equal(log.Count, first.Snapshot.Log.Count);
        Assert.Single(log.OfType<InterviewStarted>());
        Assert.True(first.Snapshot.State.Elapsed(DateTimeOffset.UtcNow) < TimeSpan.FromMinutes(5));
        Assert.Null(await repository.PlannedStartAsync(id));
        // The version recorded is the one sat, and the session dates from its start.
        var record = (await repository.FindAsync(id))!;
        Assert.Contains(catalog.HashOf("attention-scaling-missing"), record.ScenarioVersions, StringComparison.Ordinal);
        Assert.Equal(started.At, record.CreatedAt);
    }
}
