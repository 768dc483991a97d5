namespace BugTrail.Core.Evaluation;

/// <summary>An interviewer's correction of the computed evaluation, always with a reason.</summary>
public abstract record Override(string Reason);

/// <summary>Tick or untick a checklist item (in every scenario of the interview that has it).</summary>
public sealed record ChecklistOverride(string ItemId, bool Met, string Reason) : Override(Reason);

public sealed record ScoreOverride(RubricArea Area, int Score, string Reason) : Override(Reason);

public sealed record RecommendationOverride(Recommendation Recommendation, string Reason) : Override(Reason);

/// <summary>Dismiss a red flag the interviewer judges false (in every scenario that raised it); the report keeps it, struck, with the reason.</summary>
public sealed record RedFlagOverride(string FlagId, string Reason) : Override(Reason);
