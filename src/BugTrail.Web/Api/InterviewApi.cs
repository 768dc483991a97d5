using BugTrail.Core.Evaluation;
using BugTrail.Core.Reports;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Database;
using BugTrail.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BugTrail.Web.Api;

/// <summary>The REST API for applicant-tracking systems: create an interview, get its candidate link, fetch the evaluation and report.</summary>
public static class InterviewApi
{
    public sealed record CreateInterview(string Candidate, string Scenario, string Format = "production-debugging", string Level = "mid");

    public sealed record CreatedInterview(Guid Id, string CandidateLink, string ConsoleUrl);

    public sealed record CandidateLink(Guid Id, string Link);

    public sealed record Problem(string Error);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiKeyHandler.SchemeName).RequireAuthenticatedUser())
            .RequireRateLimiting("api").WithTags("interviews");

        api.MapPost("/interviews", Create).WithSummary("Create an interview and get its candidate link (shown once) and console URL.");
        api.MapPost("/interviews/{id:guid}/link", Rotate).WithSummary("Issue a new candidate link; the previous one stops working.");
        api.MapGet("/interviews/{id:guid}/evaluation", Evaluation).WithSummary("The evaluation in DESIGN.md's JSON shape.");
        api.MapGet("/interviews/{id:guid}/report", Report).WithSummary("The post-interview report: format=md (default) or html.");
    }

    private static async Task<Results<Created<CreatedInterview>, BadRequest<Problem>>> Create(
        CreateInterview request, ScenarioCatalog catalog, SessionRepository repository, TimeProvider clock, HttpContext http)
    {
        var name = request.Candidate?.Trim() ?? "";
        if (name.Length is 0 or > 200) return TypedResults.BadRequest(new Problem("candidate: 1 to 200 characters"));
        if (catalog.Bank.Find(request.Scenario ?? "") is not { } scenario) return TypedResults.BadRequest(new Problem($"unknown scenario '{request.Scenario}'"));
        if (!WireNames.TryParse<InterviewFormat>(request.Format ?? "", out var format) || !scenario.Formats.Contains(format))
            return TypedResults.BadRequest(new Problem($"format must be one of {string.Join(", ", scenario.Formats.Select(WireNames.Of))}"));
        if (!WireNames.TryParse<Level>(request.Level ?? "", out var level)) return TypedResults.BadRequest(new Problem("level must be junior, mid or senior"));
        // Started by the candidate from the room's welcome screen: the clock runs from then.
        var (id, token) = await repository.CreateNotStartedAsync(name, http.User.Identity?.Name,
            new InterviewStarted(clock.GetUtcNow(), InterviewPlan.Single(scenario, format, level), name),
            new Dictionary<string, string> { [scenario.Id] = catalog.HashOf(scenario.Id) });
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        return TypedResults.Created($"/api/interviews/{id}", new CreatedInterview(id, $"{origin}/room/{token}", $"{origin}/console/{id}"));
    }

    private static async Task<Results<Ok<CandidateLink>, NotFound>> Rotate(Guid id, LiveInterviews interviews, HttpContext http)
    {
        var token = await interviews.ReplaceLinkAsync(id);
        return token is null ? TypedResults.NotFound() : TypedResults.Ok(new CandidateLink(id, $"{http.Request.Scheme}://{http.Request.Host}/room/{token}"));
    }

    private static async Task<Results<Ok<EvaluationView>, NotFound, Conflict<Problem>>> Evaluation(Guid id, SessionRepository repository, ScenarioCatalog catalog)
    {
        if (await repository.FindAsync(id) is not { } record) return TypedResults.NotFound();
        if (record.EventCount == 0) return TypedResults.Conflict(NotStarted);
        var log = await repository.LoadAsync(id);
        if (catalog.Bank.Missing(((InterviewStarted)log[0]).Plan) is { } missing) return TypedResults.Conflict(Retired(missing));
        return TypedResults.Ok(EvaluationView.Of(Evaluator.Evaluate(log, catalog.Get, catalog.Reader)));
    }

    private static readonly Problem NotStarted = new("the interview has not started: the candidate has not pressed Start yet");

    private static Problem Retired(string scenario) => new($"the session uses scenario '{scenario}', which is no longer loaded");

    private static Task<IResult> Report(Guid id, string? format, SessionRepository repository, ScenarioCatalog catalog, SessionSummaries summaries) =>
        RenderReportAsync(id, format ?? "md", repository, catalog, summaries);

    /// <summary>A session's report (html, md or json): the API's and the interviewer pages' one way to render it.</summary>
    public static async Task<IResult> RenderReportAsync(Guid id, string format, SessionRepository repository, ScenarioCatalog catalog, SessionSummaries summaries)
    {
        if (await repository.FindAsync(id) is not { } record) return TypedResults.NotFound();
        if (record.EventCount == 0) return TypedResults.Conflict(NotStarted);
        var log = await repository.LoadAsync(id);
        if (catalog.Bank.Missing(((InterviewStarted)log[0]).Plan) is { } missing) return TypedResults.Conflict(Retired(missing));
        var evaluation = Evaluator.Evaluate(log, catalog.Get, catalog.Reader);
        var versions = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(record.ScenarioVersions is { Length: > 0 } v ? v : "{}");
        // The bar (guide I): earlier ended interviews at the same level on the same scenario(s), from their summary rows.
        var bar = Bar.Compare(Bar.EntryOf(evaluation, log[0].At), await summaries.BarAsync());
        var input = new ReportInput(evaluation, log, bar, versions);
        return format switch
        {
            "json" => TypedResults.Json(EvaluationView.Of(evaluation), Json.Options),
            "html" => TypedResults.Content(HtmlReport.Write(input), "text/html; charset=utf-8"),
            _ => TypedResults.Text(MarkdownReport.Write(input), "text/markdown; charset=utf-8"),
        };
    }
}
