namespace BugTrail.Core.Scenarios;

public enum Difficulty { Easy, Medium, Hard }

public enum Level { Junior, Mid, Senior }

public enum InterviewFormat { CodeReview, ProductionDebugging }

/// <summary>The guide's follow-up bank categories (section C.1); a scenario belongs to one.</summary>
public enum BugCategory { Gradient, Architecture, NumericalStability, DataPipeline, TrainingLoop }

/// <summary>Where a follow-up question comes from: written for this scenario, the guide's category bank, or its standard list.</summary>
public enum FollowUpSource { Scenario, CategoryBank, Standard }

public enum HintTier { Gentle, Direct, Strong }

public enum ChartKind { None, Line, Bar }

/// <summary>The stable evidence vocabulary of DESIGN.md.</summary>
public enum EvidenceKind
{
    LossHistory,
    ValMetrics,
    GradNorms,
    LayerGradNorms,
    LearningRate,
    AttentionStats,
    ActivationStats,
    WeightNorms,
    MemoryUsage,
    Throughput,
    DataStats,
    Samples,
    Config,
    Code,
}
