using System.Text.Json;

namespace BugTrail.Web.Services;

/// <summary>The API's JSON: snake_case, as the CLI's.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
}
