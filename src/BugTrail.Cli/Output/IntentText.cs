using BugTrail.Core.Scenarios;
using BugTrail.Core.Understanding;

namespace BugTrail.Cli.Output;

/// <summary>An intent in words, for authors reading how a message was understood.</summary>
public static class IntentText
{
    public static string Of(Intent intent) => intent switch
    {
        StatesHypotheses h => $"states {h.Causes.Count} hypothesis(es): {string.Join("; ", h.Causes)}",
        RequestsEvidence r => $"asks for evidence: {WireNames.Of(r.Kind)}{(r.Detail is { } d ? $" ({d})" : "")}",
        MayMeanEvidence m => $"may be asking for evidence: {WireNames.Of(m.Kind)} (not sure enough: the interviewer asks back)",
        RequestsCode c => c.NamesComponent ? "asks for the code of a named part" : "asks for the code",
        AsksImplementation => "asks how the component is implemented",
        AsksFact f => $"asks a fact: {f.Fact.Question}",
        AsksConcept c => $"asks a textbook question: {c.Entry.Id}",
        AsksWholeCodebase => "asks for the whole codebase",
        AsksIfFrameworkIsBuggy => "asks whether the framework is buggy",
        NarrowsToComponent n => $"narrows to the component ('{n.Term}')",
        ClaimsRootCause c => c.Correct ? "claims the root cause: correct" : "claims a root cause: not the bug",
        ProposesFix f => f.Correct ? "proposes the fix: correct" : "proposes a fix: not the fix",
        DescribesVerification => "describes a verification",
        SaysStuck => "says they are stuck",
        GivesUp => "gives up",
        BlamesFramework => "blames the framework or hardware",
        UsesUnknownCommand u => $"unknown command {u.Command}",
        _ => intent.GetType().Name,
    };
}
