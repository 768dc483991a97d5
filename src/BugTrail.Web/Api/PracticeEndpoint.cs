using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Database;
using BugTrail.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace BugTrail.Web.Api;

/// <summary>
/// Starting a practice session: an anonymous form post, so it is checked here on the server (the scenario must be one
/// offered for practice and not in a live interview) and limited per address (each session is stored).
/// </summary>
public static class PracticeEndpoint
{
    public const string RateLimit = "practice";

    /// <summary>Practice sessions one address may start in <see cref="Window"/>: plenty for a person, nothing for a script.</summary>
    public const int PerAddress = 6;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public static void Map(WebApplication app) =>
        app.MapPost("/practice/start", StartAsync).RequireRateLimiting(RateLimit);

    /// <summary>The scenarios anyone may practise now, for a level and a format.</summary>
    public static async Task<IReadOnlyList<Scenario>> OfferedAsync(ScenarioCatalog catalog, SessionRepository repository, Level level, InterviewFormat format)
    {
        var live = await repository.ScenariosInLiveInterviewsAsync();
        return catalog.Bank.Scenarios.Where(s => catalog.IsForPractice(s.Id) && !live.Contains(s.Id) && s.Levels.Contains(level) && s.Formats.Contains(format))
            .OrderBy(s => s.Difficulty).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    private static async Task<IResult> StartAsync([FromForm] string scenario, [FromForm] string format, [FromForm] string level,
        ScenarioCatalog catalog, SessionRepository repository, TimeProvider clock)
    {
        if (!WireNames.TryParse<InterviewFormat>(format, out var f) || !WireNames.TryParse<Level>(level, out var l))
            return Results.BadRequest("Choose a level and a format.");
        if ((await OfferedAsync(catalog, repository, l, f)).FirstOrDefault(s => s.Id == scenario) is not { } chosen)
            return Results.BadRequest("That scenario is not available for practice.");
        var interview = Interview.Start(InterviewPlan.Single(chosen, f, l), clock.GetUtcNow(), catalog.Get, catalog.Reader);
        var (_, token) = await repository.CreateAsync(InterviewKind.Practice, "", null, interview.Log,
            new Dictionary<string, string> { [chosen.Id] = catalog.HashOf(chosen.Id) });
        return Results.Redirect($"/room/{token}");
    }
}
