using BugTrail.Core.Policy;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Evaluation;

/// <summary>
/// Grades follow-up answers against their key points (guide C.1), and recognises the guide's red-flag
/// answers: "I just noticed the pattern", "that's what the docs say", "I'd have to test it", circular reasoning.
/// </summary>
public static class FollowUpGrading
{
    public static readonly IReadOnlyList<(string Id, string Label, string[] Phrases)> RedFlagAnswers =
    [
        ("pattern_matching", "answers from pattern recognition (\"I just noticed the pattern\")",
            ["noticed the pattern", "just noticed", "seen this pattern", "saw this pattern", "from similar code", "seen it before", "seen this before",
             "recognized the pattern", "recognised the pattern", "looked familiar", "looks familiar", "pattern matching", "just a guess", "lucky guess"]),
        ("appeal_to_docs", "appeals to authority (\"that's what the documentation says\")",
            ["the documentation says", "the docs say", "what the docs say", "docs said", "documentation said", "because the docs", "the tutorial",
             "that's how it's done", "thats how its done", "everyone does it", "it's standard practice", "its standard practice", "that's the convention"]),
        ("would_have_to_test", "cannot reason without running it (\"I'd have to test it to know\")",
            ["have to test it", "have to try it", "need to test it to know", "need to run it to know", "would have to run it", "id have to check",
             "i'd have to check", "can't say without running", "cant say without running", "not sure without testing", "depends, i'd have to"]),
        ("circular", "circular reasoning (\"it explodes because the gradients are too large\")",
            ["because the gradients are too large", "because the gradients are too big", "because it explodes", "because it exploded",
             "because the loss is nan", "because the loss becomes nan", "because the numbers get too big", "because the numbers got too big",
             "because the values are too large", "because it overflows", "because it diverges", "because it blew up", "because the loss is too high"]),
    ];

    /// <summary>The candidate's answer to each follow-up: what they said after it was asked, until the next question.</summary>
    /// <summary>A sentence this close to a key point makes it, unless it is closer still to a wrong answer to the question.</summary>
    public const double PointMade = 0.65;

    /// <summary>Closer than this but not close enough: the reading is uncertain, and a person should look.</summary>
    public const double PointUncertain = 0.5;

    public static IReadOnlyList<FollowUpGrade> Grade(ScenarioTrace trace, IReader reader)
    {
        var questions = trace.Actions
            .Where(a => a.Action.Kind is ActionKind.FollowUp or ActionKind.AskFix or ActionKind.AskVerify or ActionKind.WrapUp
                or ActionKind.Present or ActionKind.Cut or ActionKind.End)
            .ToList();
        var grades = new List<FollowUpGrade>();
        foreach (var asked in trace.Of(ActionKind.FollowUp))
        {
            var followUp = trace.Scenario.FollowUps.FirstOrDefault(f => f.Id == asked.Action.FollowUpId);
            if (followUp is null) continue;
            // Questions asked together share the answer that follows them; it runs until the interviewer's next question.
            var next = questions.FirstOrDefault(q => q.Index > asked.Index && trace.Messages.Any(m => m.Index > asked.Index && m.Index < q.Index))?.Index ?? int.MaxValue;
            // Only answers are graded: a patch, a command or a request sent meanwhile is not part of the answer.
            var answer = string.Join(" ", trace.Messages.Where(m => m.Index > asked.Index && m.Index < next && Answering.IsAnswer(Stage.FollowUps, m.Said)).Select(m => m.Text));
            // A question the session ended on has no answer yet, and is not graded; one the interview moved past unanswered scores 0.
            var movedOn = trace.Actions.Any(a => a.Index > asked.Index && a.Action.Kind != ActionKind.FollowUp);
            if (answer.Length == 0 && !movedOn) continue;
            grades.Add(GradeAnswer(followUp, answer, asked.At, reader as IPointReader));
        }
        return grades;
    }

    /// <summary>
    /// A key point is made when the answer uses one of its terms, or (with a model) when a sentence says it in other words:
    /// close to the point and not closer to any of the question's wrong answers, since closeness alone cannot tell a claim
    /// from its opposite. A point the model finds near but not near enough is uncertain.
    /// </summary>
    public static FollowUpGrade GradeAnswer(FollowUp followUp, string answer, TimeSpan askedAt, IPointReader? meaning = null)
    {
        var n = Phrase.Normalise(answer);
        var strong = followUp.StrongPoints;
        var byMeaning = meaning is null || strong.Count == 0
            ? []
            : meaning.Closeness(answer, [.. strong.Select(p => p.Name), .. followUp.WeakPoints.Select(p => p.Name)]);
        double Closest(int point) => byMeaning.Count == 0 ? 0 : byMeaning
            .Where(s => s.Skip(strong.Count).DefaultIfEmpty(0).Max() < s[point])
            .Select(s => s[point]).DefaultIfEmpty(0).Max();
        var made = strong.Where((p, i) => Phrase.HasAny(n, p.Terms) || Closest(i) >= PointMade).Select(p => p.Name).ToList();
        var missed = strong.Where(p => !made.Contains(p.Name)).Select(p => p.Name).ToList();
        var uncertain = strong.Where((p, i) => !made.Contains(p.Name) && Closest(i) >= PointUncertain).Select(p => p.Name).ToList();
        var weak = followUp.WeakPoints.Where(p => Phrase.HasAny(n, p.Terms)).Select(p => p.Name).ToList();
        var flags = RedFlagAnswers.Where(r => Phrase.HasAny(n, r.Phrases)).Select(r => r.Id).ToList();
        var score = followUp.StrongPoints.Count == 0 ? 0 : (double)made.Count / followUp.StrongPoints.Count;
        score = Math.Clamp(score - 0.25 * weak.Count, 0, 1);
        if (flags.Count > 0) score = Math.Min(score, 0.25);
        if (answer.Trim().Length == 0) score = 0;
        return new FollowUpGrade(followUp.Id, followUp.Question, answer, made, missed, weak, flags, Math.Round(score, 2), askedAt) { Uncertain = uncertain };
    }
}
