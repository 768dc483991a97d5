namespace BugTrail.Core.Scenarios.Loading;

/// <summary>An error in a scenario file, printed as <c>file:line: message</c>.</summary>
public sealed record Diagnostic(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
