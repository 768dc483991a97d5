namespace BugTrail.Core.Scenarios.Loading;

/// <summary>
/// The raw text of one scenario folder, read by an adapter at the edge. A file that could not be
/// read is <c>null</c>; the adapter says why in <see cref="ReadErrors"/> (otherwise it counts as missing).
/// </summary>
public sealed record ScenarioSource(
    string YamlPath,
    string? YamlText,
    string BuggyPath,
    string? BuggyText,
    string FixedPath,
    string? FixedText)
{
    public IReadOnlyList<Diagnostic> ReadErrors { get; init; } = [];
}
