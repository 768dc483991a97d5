using BugTrail.Core.Policy;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Evaluation;

/// <summary>The guide's red flags (section D): major ones are automatic concerns, minor ones count against.</summary>
public static class RedFlags
{
    private static string T(TimeSpan t) => ReplayScript.Format(t);

    public static IReadOnlyList<RedFlag> Find(ScenarioTrace t, IReadOnlyList<FollowUpGrade> grades)
    {
        var flags = new List<RedFlag>();
        var (gap, from) = Rubric.LongestSilence(t);
        if (gap > Rubric.Silence)
            flags.Add(new("silent_over_3_min", Severity.Major, "Silent for more than 3 minutes without explanation", from + TimeSpan.FromMinutes(3),
                $"no word from {T(from)} for {gap.TotalMinutes:0.#} min"));

        if (t.BugFoundAt is not null)
        {
            var mechanism = grades.Where(g => t.Scenario.FollowUps.First(f => f.Id == g.FollowUpId).Source == FollowUpSource.Scenario).ToList();
            var fix = t.Messages.FirstOrDefault(m => m.Said.Find<ProposesFix>() is { Correct: true });
            if (mechanism.Count > 0 && mechanism.All(g => g.Score == 0))
                flags.Add(new("cannot_explain_fix", Severity.Major, "Can't explain why their solution works", mechanism[0].AskedAt,
                    $"made none of the key points on \"{Rubric.Short(mechanism[0].Question)}\"{(mechanism[0].Answer.Length > 0 ? $": \"{Rubric.Short(mechanism[0].Answer)}\"" : "")}"));
            else if (fix is null && t.Of(ActionKind.AskFix).FirstOrDefault() is { } asked)
                flags.Add(new("cannot_explain_fix", Severity.Major, "Can't explain why their solution works", asked.At, "asked for the fix, never gave it"));
        }

        var gaveUp = t.Hunting.FirstOrDefault(m => m.Said.Has<GivesUp>());
        if (gaveUp is not null)
        {
            var tried = t.Hunting.Where(m => m.At <= gaveUp.At).SelectMany(m => m.Said.Intents.OfType<StatesHypotheses>()).SelectMany(h => h.Causes).Distinct().Count()
                        + t.Of(ActionKind.Release).Count(r => r.At <= gaveUp.At);
            if (tried < 3)
                flags.Add(new("gives_up", Severity.Major, "Gives up without trying multiple approaches", gaveUp.At,
                    $"\"{Span(gaveUp.Text, Lexicon.GiveUpPhrases)}\" after {tried} hypothesis/evidence step(s)"));
        }

        var blame = t.Messages.FirstOrDefault(m => m.Said.Has<BlamesFramework>());
        if (blame is not null)
            flags.Add(new("blames_external", Severity.Major, "Blames external factors (PyTorch, hardware)", blame.At,
                $"\"{Span(blame.Text, [.. Lexicon.BlameMarkers, .. Lexicon.FrameworkNames])}\""));

        if (t.CodeShownAt is { } shown)
        {
            var struggle = (t.BugFoundAt ?? t.EndsAt) - shown;
            var strong = t.Final.Hints.Any(h => h.Tier == HintTier.Strong);
            if (struggle >= TimeSpan.FromMinutes(10) && (t.BugFoundAt is null || strong))
                flags.Add(new("cannot_read_code", Severity.Major, "Can't read Python/PyTorch code fluently", shown + TimeSpan.FromMinutes(10),
                    $"{struggle.TotalMinutes:0.#} min with the code visible{(t.BugFoundAt is null ? " without finding the bug" : ", and only after a strong hint")}"));
        }

        var spent = (t.BugFoundAt ?? t.EndsAt) - (t.OpenedAt ?? TimeSpan.Zero);
        if (t.Scenario.Difficulty == Difficulty.Easy && spent > TimeSpan.FromMinutes(15))
            flags.Add(new("over_15_min_on_easy", Severity.Minor, "Takes more than 15 min on an easy bug", (t.OpenedAt ?? TimeSpan.Zero) + TimeSpan.FromMinutes(15),
                $"{spent.TotalMinutes:0.#} min on an easy scenario"));

        var hints = t.Of(ActionKind.Hint).ToList();
        if (hints.Count >= 2)
            flags.Add(new("multiple_hints", Severity.Minor, "Needs multiple hints", hints[1].At, $"{hints.Count} hints ({string.Join(", ", hints.Select(h => $"{WireNames.Of(h.Action.Tier!.Value)} {T(h.At)}"))})"));

        var missed = t.Hunting.FirstOrDefault(m => m.CodeVisible && m.Said.Find<ClaimsRootCause>() is { Correct: false });
        if (missed is not null)
            flags.Add(new("misses_obvious", Severity.Minor, "Misses obvious issues initially", missed.At, $"with the code in view: \"{Rubric.Short(missed.Text)}\""));

        if (t.BugFoundAt is { } found && !t.Messages.Any(m => m.Said.Has<DescribesVerification>()))
            flags.Add(new("no_verification", Severity.Minor, "Doesn't verify the solution", found, "never said how they would check that the fix works"));

        foreach (var g in grades.Where(g => g.RedFlagPhrases.Count > 0))
        {
            var (id, label, _) = FollowUpGrading.RedFlagAnswers.First(r => r.Id == g.RedFlagPhrases[0]);
            flags.Add(new($"shallow_answer_{id}", Severity.Minor, $"Shallow follow-up answer: {label}", g.AskedAt, $"\"{Rubric.Short(g.Answer)}\""));
        }
        // Questions asked together share one answer: report each finding once.
        return flags.DistinctBy(f => (f.Id, f.Evidence)).OrderBy(f => f.At).ToList();
    }

    /// <summary>
    /// The sentence of a message that carries what a flag is about (the first with any of <paramref name="markers"/>),
    /// so a reader of the report sees the words that raised it, not the start of a long message.
    /// </summary>
    internal static string Span(string text, IReadOnlyList<string> markers)
    {
        var sentences = Understanding.Meaning.MeaningReader.Split(text);
        var hit = sentences.FirstOrDefault(s => Phrase.HasAny(Phrase.Normalise(s), markers));
        return Rubric.Short(hit ?? text);
    }
}
