using System.Text.RegularExpressions;
using BugTrail.Core.Scenarios.Loading;

namespace BugTrail.Core.Scenarios.Validation;

/// <summary>The guide's rules for a well-formed scenario, checked on a parsed scenario.</summary>
public static partial class ScenarioRules
{
    public static IReadOnlyList<Diagnostic> Check(Scenario s, SourceMap map)
    {
        var errors = new List<Diagnostic>();
        CheckIdentity(s, map, errors);
        CheckSymptomAndOpening(s, map, errors);
        CheckCalibration(s, map, errors);
        CheckCode(s, map, errors);
        CheckHints(s, map, errors);
        CheckEvidence(s, map, errors);
        CheckFollowUps(s, map, errors);
        CheckFacts(s, map, errors);
        return errors;
    }

    private static void CheckIdentity(Scenario s, SourceMap map, List<Diagnostic> errors)
    {
        if (!KebabId().IsMatch(s.Id))
            errors.Add(map.At("id", $"id '{s.Id}' must be kebab-case: lowercase letters, digits and single hyphens"));
    }

    private static void CheckSymptomAndOpening(Scenario s, SourceMap map, List<Diagnostic> errors)
    {
        if (!s.Symptom.Measurement.Any(char.IsDigit))
            errors.Add(map.At("symptom.measurement", "the symptom needs an objective measurement: 'symptom.measurement' has no number"));
        if (s.OpeningMetrics.Rows.Count < 2)
            errors.Add(map.At("opening_metrics.rows", "the opening's basic metrics need at least two rows (values over steps)"));

        foreach (var format in s.Formats.Where(f => !s.Openings.ContainsKey(f)))
            errors.Add(map.At("openings", $"the scenario offers the {WireNames.Of(format)} format but has no 'openings.{WireNames.Of(format)}'"));
        foreach (var format in s.Openings.Keys.Where(f => !s.Formats.Contains(f)))
            errors.Add(map.At($"openings.{WireNames.Of(format)}", $"'openings.{WireNames.Of(format)}' is for a format not listed in 'formats'"));

        if (s.Openings.TryGetValue(InterviewFormat.ProductionDebugging, out var opening))
            CheckProductionOpening(s, map, opening, errors);
    }

    /// <summary>In production debugging the opening is symptoms only: no code, no gated evidence (guide B.1, E.1).</summary>
    private static void CheckProductionOpening(Scenario s, SourceMap map, string opening, List<Diagnostic> errors)
    {
        const string path = "openings.production-debugging";
        if (opening.Contains("```", StringComparison.Ordinal))
            errors.Add(map.At(path, "the production-debugging opening must not contain a code block: code comes after the candidate narrows down"));
        var codeLine = s.Code.BuggyLines.Select(l => l.Trim()).FirstOrDefault(l => LooksLikeCode(l) && Normalise(opening).Contains(Normalise(l), StringComparison.Ordinal));
        if (codeLine is not null)
            errors.Add(map.At(path, $"the production-debugging opening quotes the code ('{codeLine}'): code comes after the candidate narrows down"));

        var open = Figures(string.Join(' ', [s.Symptom.Summary, s.Symptom.Measurement, s.Timeline, .. s.Environment.Select(e => e.Value)]))
            .Concat(s.OpeningMetrics.Rows.SelectMany(r => r).Select(c => Figure(c.ToString())))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var evidence in s.Evidence)
        {
            var leaked = evidence.Rows.SelectMany(r => r).Select(c => Figure(c.ToString()))
                .Where(f => f.Length >= 3 && !open.Contains(f))
                .FirstOrDefault(f => Figures(opening).Contains(f));
            if (leaked is not null)
                errors.Add(map.At(path, $"the production-debugging opening gives away gated evidence: {leaked} appears in '{WireNames.Of(evidence.Kind)}', which the candidate must ask for"));
        }
    }

    private static void CheckCalibration(Scenario s, SourceMap map, List<Diagnostic> errors)
    {
        var (min, max) = GuideLimits.SolveMinutes(s.Difficulty);
        var range = s.ExpectedMinutes;
        if (range.Min > range.Max)
            errors.Add(map.At("expected_minutes", $"expected_minutes [{range.Min}, {range.Max}]: the minimum is above the maximum"));
        else if (range.Min < min || range.Max > max)
            errors.Add(map.At("expected_minutes", $"expected_minutes [{range.Min}, {range.Max}] does not fit the {WireNames.Of(s.Difficulty)} tier ({min}–{max} minutes)"));
    }

    private static void CheckCode(Scenario s, SourceMap map, List<Diagnostic> errors)
    {
        if (s.Code.Buggy.Length == 0) return; // reported as a missing file
        var count = s.Code.BuggyLines.Count;
        foreach (var level in s.Levels)
        {
            var (min, max) = GuideLimits.CodeLines(level);
            if (count < min || count > max)
                errors.Add(new(map.BuggyPath, 1, $"the code has {count} lines; {WireNames.Of(level)} scenarios need {min}–{max} (guide G)"));
        }
        if (s.Difficulty == Difficulty.Easy && s.Formats.Contains(InterviewFormat.CodeReview))
        {
            var (min, max) = GuideLimits.QuickReviewLines;
            if (count < min || count > max)
                errors.Add(new(map.BuggyPath, 1, $"the code has {count} lines; an easy scenario in code-review format is a quick code review and needs {min}–{max} (guide A.2)"));
        }

        var hunks = s.Code.Bug.Hunks.Where(h => !CodeDiff.IsImportOnly(h)).ToList();
        if (hunks.Count == 0)
            errors.Add(new(map.FixedPath, 1, "fixed.py does not differ from buggy.py (apart from imports): there is no bug to find"));
        else if (hunks.Count > 1)
            errors.Add(new(map.FixedPath, 1, $"fixed.py changes buggy.py in {hunks.Count} places (buggy.py lines {string.Join(", ", hunks.Select(h => h.BuggyStart))}); a scenario has one root cause, so the fix must be one change"));
    }

    /// <summary>Hints redirect thinking; they never name a line or contain the fix (guide B.3, B.4).</summary>
    private static void CheckHints(Scenario s, SourceMap map, List<Diagnostic> errors)
    {
        var added = CodeDiff.AddedCode(s.Code.Bug).Where(l => l.Length >= 6).ToList();
        var fixOnly = CodeDiff.FixOnlyIdentifiers(s.Code);
        foreach (var tier in Enum.GetValues<HintTier>())
        {
            var path = $"hints.{WireNames.Of(tier)}";
            var hint = s.Hints[tier];
            if (LineReference().Match(hint) is { Success: true } m)
                errors.Add(map.At(path, $"the {WireNames.Of(tier)} hint names a line ('{m.Value}'); hints must never point at a line"));
            if (added.FirstOrDefault(l => Normalise(hint).Contains(Normalise(l), StringComparison.Ordinal)) is { } line)
                errors.Add(map.At(path, $"the {WireNames.Of(tier)} hint contains the fix ('{line}')"));
            else if (fixOnly.FirstOrDefault(t => Words(hint).Contains(t)) is { } token)
                errors.Add(map.At(path, $"the {WireNames.Of(tier)} hint contains '{token}', which only the fixed code has: that gives the fix away"));
        }
    }

    private static void CheckEvidence(Scenario s, SourceMap map, List<Diagnostic> errors)
    {
        var seen = new Dictionary<EvidenceKind, string> { [s.OpeningMetrics.Kind] = "opening_metrics" };
        if (s.OpeningMetrics.Kind == EvidenceKind.Code)
            errors.Add(map.At("opening_metrics.kind", "the opening metrics cannot be code"));
        for (var i = 0; i < s.Evidence.Count; i++)
        {
            var e = s.Evidence[i];
            var path = $"evidence[{i}]";
            if (e.Kind == EvidenceKind.Code)
                errors.Add(map.At($"{path}.kind", "'code' is not evidence to list: the code is buggy.py, released by the interviewer"));
            else if (!seen.TryAdd(e.Kind, path))
                errors.Add(map.At($"{path}.kind", $"evidence kind '{WireNames.Of(e.Kind)}' appears twice (also at {seen[e.Kind]})"));
        }
        for (var i = 0; i < s.Evidence.Count; i++)
        {
            var e = s.Evidence[i];
            for (var r = 0; r < e.Requires.Count; r++)
            {
                var req = e.Requires[r];
                if (req == e.Kind)
                    errors.Add(map.At($"evidence[{i}].requires[{r}]", $"'{WireNames.Of(e.Kind)}' requires itself"));
                else if (!seen.ContainsKey(req))
                    errors.Add(map.At($"evidence[{i}].requires[{r}]", $"'{WireNames.Of(e.Kind)}' requires '{WireNames.Of(req)}', which this scenario does not have"));
            }
        }
        foreach (var cycle in Cycles(s.Evidence))
            errors.Add(map.At($"evidence[{s.Evidence.ToList().FindIndex(e => e.Kind == cycle[0])}].requires",
                $"evidence prerequisites form a cycle: {string.Join(" → ", cycle.Append(cycle[0]).Select(WireNames.Of))}; none of them could ever be released"));
    }

    /// <summary>A fact is stated as a colleague would: it must not point at the bug (guide C.2).</summary>
    private static void CheckFacts(Scenario s, SourceMap map, List<Diagnostic> errors)
    {
        for (var i = 0; i < s.Facts.Count; i++)
            if (Policy.LeakGuard.Problem(s.Facts[i].Answer, s, aboutThisRun: true) is { } problem)
                errors.Add(map.At($"facts[{i}].answer", $"this fact's answer hints at the bug: it {problem}"));
    }

    private static void CheckFollowUps(Scenario s, SourceMap map, List<Diagnostic> errors)
    {
        if (s.FollowUps.Count < GuideLimits.MinFollowUps)
            errors.Add(map.At("follow_ups", $"{s.FollowUps.Count} follow-up(s); the guide asks 2–3 after the bug is found, so a scenario needs at least {GuideLimits.MinFollowUps} to choose from"));
        if (s.FollowUps.Count > 0 && s.FollowUps.All(f => f.Source != FollowUpSource.Scenario))
            errors.Add(map.At("follow_ups", "no follow-up is written for this scenario (source: scenario); the category bank alone cannot probe this bug's mechanism"));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < s.FollowUps.Count; i++)
            if (!ids.Add(s.FollowUps[i].Id))
                errors.Add(map.At($"follow_ups[{i}].id", $"follow-up id '{s.FollowUps[i].Id}' is used twice"));
        for (var i = 0; i < s.FollowUps.Count; i++)
            if (s.FollowUps[i].AskedWith is { } with && (with == s.FollowUps[i].Id || !ids.Contains(with)))
                errors.Add(map.At($"follow_ups[{i}].asked_with", with == s.FollowUps[i].Id
                    ? $"follow-up '{with}' cannot be asked together with itself"
                    : $"follow-up '{s.FollowUps[i].Id}' is asked with '{with}', which is not a follow-up of this scenario"));
        var kinds = s.Evidence.Select(e => e.Kind).Append(s.OpeningMetrics.Kind).ToHashSet();
        for (var i = 0; i < s.FollowUps.Count; i++)
            for (var r = 0; r < s.FollowUps[i].Requires.Count; r++)
                if (!kinds.Contains(s.FollowUps[i].Requires[r]))
                    errors.Add(map.At($"follow_ups[{i}].requires[{r}]",
                        $"follow-up '{s.FollowUps[i].Id}' requires '{WireNames.Of(s.FollowUps[i].Requires[r])}', which this scenario does not have, so it could never be asked"));
    }

    private static List<List<EvidenceKind>> Cycles(IReadOnlyList<Evidence> evidence)
    {
        var edges = evidence.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.First().Requires);
        var state = new Dictionary<EvidenceKind, int>(); // 1 = on the path, 2 = done
        var cycles = new List<List<EvidenceKind>>();
        var path = new List<EvidenceKind>();
        void Visit(EvidenceKind k)
        {
            state[k] = 1;
            path.Add(k);
            foreach (var next in edges.GetValueOrDefault(k, []))
            {
                if (next == k || !edges.ContainsKey(next)) continue;
                if (state.GetValueOrDefault(next) == 1) cycles.Add(path.Skip(path.IndexOf(next)).ToList());
                else if (state.GetValueOrDefault(next) == 0) Visit(next);
            }
            path.RemoveAt(path.Count - 1);
            state[k] = 2;
        }
        foreach (var k in edges.Keys.Where(k => state.GetValueOrDefault(k) == 0)) Visit(k);
        return cycles;
    }

    private static HashSet<string> Words(string text) =>
        Identifier().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    private static bool LooksLikeCode(string line) =>
        line.Length >= 12 && !line.StartsWith('#') && line.IndexOfAny(['(', '=', '[']) >= 0;

    private static string Normalise(string text) => Whitespace().Replace(text, "").ToLowerInvariant();

    private static HashSet<string> Figures(string text) =>
        Number().Matches(text).Select(m => Figure(m.Value)).ToHashSet(StringComparer.Ordinal);

    private static string Figure(string text) => text.Replace(",", "", StringComparison.Ordinal).TrimEnd('.');

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabId();

    [GeneratedRegex(@"(?i)\blines?\s*(no\.?|number)?\s*#?\d+|\bL\d{2,}\b")]
    private static partial Regex LineReference();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?(e[-+]?\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
