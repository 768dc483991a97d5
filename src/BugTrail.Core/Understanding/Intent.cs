using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Understanding;

/// <summary>What a candidate did in one message. A message may hold several intents.</summary>
public abstract record Intent;

/// <summary>Possible causes stated as hypotheses, counted by distinct cause.</summary>
public sealed record StatesHypotheses(IReadOnlyList<string> Causes) : Intent;

public sealed record RequestsEvidence(EvidenceKind Kind, string? Detail) : Intent;

/// <summary>
/// Asks for something near one kind of evidence, but not near enough to be sure: the interviewer asks back ("Do you mean
/// the gradient norms?") rather than guess.
/// </summary>
public sealed record MayMeanEvidence(EvidenceKind Kind) : Intent;

/// <summary>Asks for code: all of it, or the part that implements a named component.</summary>
public sealed record RequestsCode(bool NamesComponent) : Intent;

/// <summary>A specific question about how the component is implemented ("are the scores scaled?").</summary>
public sealed record AsksImplementation : Intent;

public sealed record AsksFact(Fact Fact) : Intent;

public sealed record AsksConcept(GlossaryEntry Entry) : Intent;

public sealed record AsksWholeCodebase : Intent;

public sealed record AsksIfFrameworkIsBuggy : Intent;

/// <summary>Names the component the bug's code belongs to (one of the scenario's narrowing terms).</summary>
public sealed record NarrowsToComponent(string Term) : Intent;

/// <summary>States what the bug is. <see cref="Correct"/> when every root-cause concept is named, or a bug line and one concept.</summary>
public sealed record ClaimsRootCause(bool Correct, IReadOnlyList<string> ConceptsNamed, IReadOnlyList<int> LinesNamed) : Intent;

public sealed record ProposesFix(bool Correct) : Intent;

/// <summary>Describes how to verify a fix (rerun, monitor, test, compare).</summary>
public sealed record DescribesVerification : Intent;

public sealed record SaysStuck : Intent;

public sealed record GivesUp : Intent;

public sealed record BlamesFramework : Intent;

/// <summary>Answers follow-up questions that were pending (by id): each answer is bound to its question.</summary>
public sealed record AnswersFollowUps(IReadOnlyList<string> Ids) : Intent;
