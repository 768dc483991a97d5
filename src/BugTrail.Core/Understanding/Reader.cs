using System.Text.RegularExpressions;
using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Understanding;

/// <summary>What the reader needs to know about the interview so far.</summary>
public readonly record struct ReadingContext(bool CodeVisible);

/// <summary>
/// Turns a candidate's message into intents: rule-based, from the scenario's own vocabulary and the
/// general ML <see cref="Lexicon"/>. Messages starting with '/' are structured commands, an exact channel.
/// </summary>
public static partial class Reader
{
    public static Utterance Read(string text, Scenario scenario, ReadingContext context)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('/')) return Commands.Read(trimmed, scenario, context);
        return new Utterance(text, ReadFree(Phrase.Normalise(trimmed), scenario, context, forceClaim: false, forceFix: false));
    }

    internal static List<Intent> ReadFree(string n, Scenario scenario, ReadingContext context, bool forceClaim, bool forceFix)
    {
        var intents = new List<Intent>();
        var question = Lexicon.IsQuestion(n);
        var request = question || Phrase.HasAny(n, Lexicon.RequestMarkers);

        if (Phrase.HasAny(n, Lexicon.GiveUpPhrases)) intents.Add(new GivesUp());
        else if (Phrase.HasAny(n, Lexicon.StuckPhrases)) intents.Add(new SaysStuck());

        var framework = Phrase.HasAny(n, Lexicon.FrameworkNames) && Phrase.HasAny(n, Lexicon.BlameMarkers) && !Phrase.HasAny(n, ["bug in our", "bug in my", "bug in the code", "bug in the model"]);
        if (framework) intents.Add(question ? new AsksIfFrameworkIsBuggy() : new BlamesFramework());

        var codebase = Phrase.HasAny(n, Lexicon.CodebaseWords) && request;
        if (codebase) intents.Add(new AsksWholeCodebase());

        var narrowing = Phrase.First(n, scenario.Code.NarrowingTerms);
        var asked = Requests(n);
        var implementation = question && narrowing is not null && Phrase.HasAny(n, Lexicon.ImplementationMarkers);
        if (!codebase && asked.Any(r => Phrase.HasAny(r, Lexicon.CodeWords) && !Phrase.HasAny(r, NotYetCode)) && !IsDefinitionQuestion(n))
            intents.Add(new RequestsCode(narrowing is not null || NamesSomeComponent(n)));

        var fact = question || request ? scenario.Facts.FirstOrDefault(f => Phrase.HasAny(n, f.Terms)) : null;
        var concept = IsDefinitionQuestion(n) ? Glossary.Entries.FirstOrDefault(e => Phrase.HasAny(n, e.Terms)) : null;
        if (concept is not null && (fact is null || !RefersToThisRun(n))) intents.Add(new AsksConcept(concept));
        else if (fact is not null && !intents.OfType<RequestsCode>().Any()) intents.Add(new AsksFact(fact));

        if (concept is null && !codebase)
            foreach (var kind in asked.Where(r => !IsImplementationQuestion(r, scenario)).SelectMany(RequestedKinds).Distinct())
                intents.Add(new RequestsEvidence(kind, Detail(n)));

        var rootConcepts = scenario.RootCause.Concepts.Where(c => Phrase.HasAny(n, c.Terms)).Select(c => c.Name).ToList();
        var allRoot = rootConcepts.Count == scenario.RootCause.Concepts.Count;
        var lines = LineNumbers(n);
        var namesBugLine = context.CodeVisible && lines.Any(scenario.Code.Bug.Lines.Contains);

        if (implementation) intents.Add(new AsksImplementation());
        if (narrowing is not null) intents.Add(new NarrowsToComponent(narrowing));

        var strongClaim = Phrase.HasAny(n, StrongClaimMarkers);
        var hedged = Phrase.HasAny(n, Lexicon.HedgeMarkers);
        var definite = !question && (strongClaim || Phrase.HasAny(n, Lexicon.ClaimMarkers));
        var claimsCorrectly = allRoot || (namesBugLine && rootConcepts.Count > 0);
        var isClaim = forceClaim
            || (strongClaim && !question)
            || (claimsCorrectly && !question && (definite || context.CodeVisible || !hedged));
        if (isClaim && !framework) intents.Add(new ClaimsRootCause(claimsCorrectly, rootConcepts, lines));

        var fixConcepts = scenario.Fix.Concepts.Count(c => Phrase.HasAny(n, c.Terms));
        var fixWords = Phrase.HasAny(n, Lexicon.FixMarkers);
        if (forceFix || (!question && fixWords && (fixConcepts == scenario.Fix.Concepts.Count || Phrase.HasAny(n, StrongFixMarkers))))
            intents.Add(new ProposesFix(fixConcepts == scenario.Fix.Concepts.Count));

        if (!question && Phrase.HasAny(n, Lexicon.VerificationPhrases) && !intents.OfType<RequestsEvidence>().Any())
            intents.Add(new DescribesVerification());

        if (!isClaim && !framework && !intents.OfType<GivesUp>().Any())
        {
            var causes = Hypotheses(n, hedged, question && intents.Count > 0);
            if (causes.Count > 0) intents.Add(new StatesHypotheses(causes));
        }
        return intents;
    }

    /// <summary>Distinct cause families named in a hedged statement or a list of possibilities.</summary>
    private static List<string> Hypotheses(string n, bool hedged, bool otherwiseAQuestion)
    {
        var listed = ListItems().Count(n);
        if (!hedged && listed < 2) return [];
        if (otherwiseAQuestion && listed < 2 && !Phrase.HasAny(n, ["hypothes", "my guess", "i suspect", "could be", "might be", "maybe"])) return [];
        var families = Lexicon.Causes.Where(c => Phrase.HasAny(n, c.Terms)).Select(c => c.Family).ToList();
        if (listed >= 2 && families.Count < listed) return [.. families, .. Enumerable.Range(0, listed - families.Count).Select(i => $"listed cause {i + 1}")];
        return families;
    }

    /// <summary>
    /// The parts of the message that ask for something: each sentence holding a request marker, from the
    /// marker on ("attention overflow is likely. Can I see the grad norms?" asks only for grad norms).
    /// </summary>
    private static List<string> Requests(string n)
    {
        var asked = new List<string>();
        foreach (var sentence in Sentences().Split(n))
        {
            var at = Lexicon.RequestMarkers.Select(m => IndexOfTerm(sentence, m)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (at >= 0) asked.Add(sentence[at..]);
            else if (sentence.TrimEnd().EndsWith('?') && Phrase.HasAny(sentence, ["look like", "looking like", "show", "available", "logged", "have"]))
                asked.Add(sentence);
        }
        return asked;
    }

    private static int IndexOfTerm(string text, string term)
    {
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
            if (at == 0 || !char.IsLetterOrDigit(text[at - 1])) return at;
        return -1;
    }

    private static bool IsImplementationQuestion(string sentence, Scenario scenario) =>
        Phrase.HasAny(sentence, scenario.Code.NarrowingTerms) && Phrase.HasAny(sentence, ["scaled by", "divided by", "normalized by", "normalised by",
            "being scaled", "being divided", "being normalized", "implemented", "computed", "applied", "does the code", "in the code"]);

    private static readonly string[] NotYetCode = ["before we look at the code", "before looking at the code", "before i look at the code",
        "before seeing the code", "before we see the code", "before the code", "without looking at the code", "without the code"];

    private static IEnumerable<EvidenceKind> RequestedKinds(string n)
    {
        var found = new List<EvidenceKind>();
        foreach (var (kind, terms) in Lexicon.Evidence)
        {
            if (!Phrase.HasAny(n, terms)) continue;
            // "per-layer gradient norms" names layer-wise norms, not the global ones as well.
            if (kind == EvidenceKind.GradNorms && found.Contains(EvidenceKind.LayerGradNorms) && !Phrase.HasAny(n, ["global", "overall", "total norm", "and the grad", "as well as"])) continue;
            if (kind == EvidenceKind.LayerGradNorms && !Phrase.HasAny(n, ["grad", "norm", "which layer", "breakdown"])) continue;
            if (kind == EvidenceKind.LossHistory && found.Count > 0) continue;
            found.Add(kind);
        }
        return found;
    }

    private static bool IsDefinitionQuestion(string n) => Phrase.HasAny(n, Lexicon.ConceptQuestionMarkers) && Lexicon.IsQuestion(n) || Phrase.HasAny(n, ["explain", "define", "what do you mean by", "remind me what"]);

    private static bool RefersToThisRun(string n) =>
        Phrase.HasAnyWord(n, ["we", "you", "our", "this", "it", "enabled", "on", "used", "using", "set", "turned", "run", "here", "there"]);

    private static bool NamesSomeComponent(string n) =>
        Phrase.HasAny(n, ["the attention", "attention module", "the loss", "the model", "training loop", "train loop", "the optimizer", "data loader",
            "dataloader", "the mask", "the cache", "the decode", "generation loop", "forward", "the layer", "the block", "the function", "the class",
            "eval loop", "validation loop", "preprocessing", "the scaler", "normaliz", "the step", "the scheduler", "the sampler", "the head", "embedding"]);

    private static string? Detail(string n)
    {
        var m = StepOrLayer().Match(n);
        return m.Success ? m.Value.Trim() : null;
    }

    private static List<int> LineNumbers(string n) =>
        LineReference().Matches(n).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static readonly string[] StrongClaimMarkers =
    [
        "found it", "found the bug", "found the issue", "found the problem", "the bug is", "the issue is", "the problem is", "the culprit",
        "root cause is", "the root cause", "the cause is", "it's because", "its because", "it is because", "this is because", "here's the issue",
        "here's the bug", "here's the problem", "that's the bug", "that is the bug", "is the bug", "is the culprit", "i see it", "i see the bug",
        "i see the issue", "i see the problem", "aha", "bug is in", "bug is that", "problem is that", "issue is that",
    ];

    private static readonly string[] StrongFixMarkers =
    [
        "the fix is", "fix would be", "fix is to", "to fix", "i'd fix", "i would fix", "we fix", "fixed by", "fix it by", "should be changed",
        "change it to", "replace it with", "replace with", "the solution is", "solution would be", "the line should be", "should read",
    ];

    [GeneratedRegex(@"(?<=[?!;])\s*|(?<=\.)\s+(?=[a-z])|\s+-\s+|\s*\n\s*")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"(?:^|\s)(?:\(?\d[\.\)]|[-*•])\s+\S")]
    private static partial Regex ListItems();

    [GeneratedRegex(@"\bline\s*#?\s*(\d{1,4})\b")]
    private static partial Regex LineReference();

    [GeneratedRegex(@"\b(steps?|layers?|epochs?|iterations?)\s*#?\s*\d[\d,\s\-–to]*")]
    private static partial Regex StepOrLayer();
}
