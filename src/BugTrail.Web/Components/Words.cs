using BugTrail.Core.Evaluation;
using BugTrail.Core.Reports;
using BugTrail.Core.Scenarios;

namespace BugTrail.Web.Components;

/// <summary>The product's names for things, in the words people use (wire names such as "no_hire" stay in the API).</summary>
public static class Words
{
    public static string Of(Recommendation r) => Template.Recommendations.Single(x => x.Value == r).Label;

    public static string Of(RubricArea area) => area switch
    {
        RubricArea.DebuggingProcess => "Debugging process",
        RubricArea.TechnicalKnowledge => "Technical knowledge",
        RubricArea.Communication => "Communication",
        _ => "Speed",
    };

    public static string Of(FollowUpSource source) => source switch
    {
        FollowUpSource.Scenario => "written for this scenario",
        FollowUpSource.CategoryBank => "from the guide's questions for this kind of bug",
        _ => "one of the guide's standard questions",
    };

    public static string Of(Level level) => Template.Level(level);
}
