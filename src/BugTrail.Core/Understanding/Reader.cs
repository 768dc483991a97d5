using System.Text.RegularExpressions;
using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Understanding;

/// <summary>What the reader needs to know about the interview so far.</summary>
/// <param name="CodeVisible">The candidate can see the code: line numbers mean something.</param>
/// <param name="FixAsked">The interviewer has asked for the fix: the message is an answer to that question.</param>
/// <param name="Pending">Follow-up questions asked and not yet answered, oldest first: the message may answer some of them.</param>
public readonly record struct ReadingContext(bool CodeVisible, bool FixAsked = false, IReadOnlyList<FollowUp>? Pending = null);

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
        var intents = ReadFree(Phrase.Normalise(trimmed), scenario, context, forceClaim: false, forceFix: false);
        if (context.Pending is { Count: > 0 } pending)
            intents.Add(new AnswersFollowUps(AnswersAll(trimmed) ? [.. pending.Select(f => f.Id)] : [pending[0].Id]));
        return new Utterance(text, intents);
    }

    /// <summary>"For the first… for the second…", "1) … 2) …", "both": one message answering every pending question.</summary>
    internal static bool AnswersAll(string text) => AnswerOrdinals().Count(text.ToLowerInvariant()) >= 2 || text.Contains("both", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b[a-z_][a-z0-9_]*\.[a-z_][\w.]*\(\)?")]
    private static partial Regex DottedApi();

    [GeneratedRegex(@"\b(?:per|each|every)\s+(?:gpu|gpus|device|card|rank|node|worker)\b")]
    private static partial Regex PerUnit();

    /// <summary>"a known leak in the allocator", "known to misbehave": asking whether the framework is at fault.</summary>
    [GeneratedRegex(@"\bknown\s+(?:\w+\s+)?(?:issue|bug|leak|problem|regression)|\bknown to\s+(?:misbehave|leak|break|be buggy|have)")]
    private static partial Regex KnownIssue();

    [GeneratedRegex(@"\b(first|second|third|1[\.\):]|2[\.\):]|3[\.\):])")]
    private static partial Regex AnswerOrdinals();

    internal static List<Intent> ReadFree(string n, Scenario scenario, ReadingContext context, bool forceClaim, bool forceFix)
    {
        var intents = new List<Intent>();
        var question = Lexicon.IsQuestion(n);
        var bare = n.Trim().TrimEnd('.', '!', ' ');

        if (Phrase.HasAny(n, Lexicon.GiveUpPhrases) || Lexicon.GiveUpAlone.Contains(bare) || bare.EndsWith("im out", StringComparison.Ordinal))
            intents.Add(new GivesUp());
        else if (Phrase.HasAny(n, Lexicon.StuckPhrases)) intents.Add(new SaysStuck());

        var causeFamilies = Lexicon.Causes.Count(c => c.Family != "hardware or framework" && Phrase.HasAny(n, c.Terms));
        var listed = ListItems().Count(n) + Ordinals().Count(n);
        var alternatives = listed >= 2 || (Phrase.HasWord(n, "or") && causeFamilies >= 2 && Phrase.HasAny(n, Lexicon.HedgeMarkers));
        // An API called in the code ("the torch.no_grad() block", "F.softmax(x)") is our code's use of it, not the framework.
        // So is a unit ("the batch size per GPU"): it names no component as faulty.
        var withoutApis = PerUnit().Replace(DottedApi().Replace(n, " "), " ");
        var framework = Phrase.HasAny(withoutApis, Lexicon.FrameworkNames) && (Phrase.HasAny(n, Lexicon.BlameMarkers) || question && KnownIssue().IsMatch(n))
            && !alternatives && !Phrase.HasAny(n, OwnCode);
        if (framework) intents.Add(question ? new AsksIfFrameworkIsBuggy() : new BlamesFramework());

        var codebase = Phrase.HasAnyWord(n, Lexicon.CodebaseWords);
        if (codebase) intents.Add(new AsksWholeCodebase());

        var narrowing = Phrase.First(n, scenario.Code.NarrowingTerms);
        var asked = Requests(n);
        var definition = IsDefinitionQuestion(n);
        var implementation = question && narrowing is not null && IsImplementationQuestion(n, scenario);
        var codeSpans = asked.Where(IsCodeRequest).ToList();
        if (!codebase && !definition && codeSpans.Count > 0)
            intents.Add(new RequestsCode(narrowing is not null || codeSpans.Any(r => NamesSomeComponent(r) || Phrase.HasAnyWord(r, Lexicon.ComponentCodeWords))));

        var fact = question
            ? scenario.Facts.Select(f => (f, hits: f.Terms.Count(t => Phrase.Has(n, t)))).Where(x => x.hits > 0).OrderByDescending(x => x.hits).Select(x => x.f).FirstOrDefault()
            : null;
        var explicitEvidence = asked.Any(r => Phrase.HasAny(r, Lexicon.RequestMarkers) && RequestedKinds(r).Any());
        var concept = definition && !explicitEvidence ? Glossary.Entries.FirstOrDefault(e => Phrase.HasAny(n, e.Terms)) : null;
        if (concept is not null && (fact is null || !RefersToThisRun(n))) intents.Add(new AsksConcept(concept));
        else if (fact is not null && codeSpans.Count == 0 && !framework) intents.Add(new AsksFact(fact));

        // A sentence that explicitly asks to see something is a request even beside a factual question
        // ("a bad batch? Can I see the gradient norms?"); a bare question is a request only when no fact answers it.
        var answered = intents.OfType<AsksFact>().Any();
        if (concept is null && !codebase && !framework)
            foreach (var kind in asked.Where(r => !IsCodeRequest(r) && !IsImplementationQuestion(r, scenario))
                         .Where(r => !answered || Phrase.HasAny(r, Lexicon.RequestMarkers) && !Lexicon.IsQuestion(r.TrimStart()) || Phrase.HasAny(r, Lexicon.ShowVerbs))
                         .SelectMany(RequestedKinds).Distinct())
                intents.Add(new RequestsEvidence(kind, Detail(n)));

        var rootConcepts = scenario.RootCause.Concepts.Where(c => Phrase.HasAny(n, c.Terms)).Select(c => c.Name).ToList();
        var allRoot = rootConcepts.Count == scenario.RootCause.Concepts.Count;
        var lines = LineNumbers(n);
        var namesBugLine = context.CodeVisible && lines.Any(scenario.Code.Bug.Lines.Contains);

        if (implementation) intents.Add(new AsksImplementation());
        if (narrowing is not null) intents.Add(new NarrowsToComponent(narrowing));

        var strongClaim = Phrase.HasAny(n, StrongClaimMarkers);
        var hedged = Phrase.HasAny(n, Lexicon.HedgeMarkers) || listed >= 2;
        var flatClaim = !hedged && Phrase.HasAny(n, FlatClaimMarkers);
        var claimsCorrectly = allRoot || (namesBugLine && rootConcepts.Count > 0);
        var several = alternatives;
        var isClaim = forceClaim
            || (!question && (strongClaim || flatClaim) && !several)
            || (claimsCorrectly && !question && !several && (Phrase.HasAny(n, Lexicon.ClaimMarkers) || context.CodeVisible || !hedged));
        if (isClaim && !framework && !intents.OfType<GivesUp>().Any()) intents.Add(new ClaimsRootCause(claimsCorrectly, rootConcepts, lines));

        var fixConcepts = scenario.Fix.Concepts.Count(c => Phrase.HasAny(n, c.Terms));
        var allFix = fixConcepts == scenario.Fix.Concepts.Count;
        var proposes = !question && (StartsWithFixVerb(n) || Phrase.HasAny(n, StrongFixMarkers) || (allFix && Phrase.HasAny(n, Lexicon.FixMarkers)));
        if (forceFix || (proposes && !several && !intents.OfType<GivesUp>().Any()))
            intents.Add(new ProposesFix(allFix));

        if (!question && Phrase.HasAny(n, Lexicon.VerificationPhrases) && !intents.OfType<RequestsEvidence>().Any())
            intents.Add(new DescribesVerification());

        if (!isClaim && !framework && !intents.OfType<GivesUp>().Any() && !intents.OfType<ProposesFix>().Any())
        {
            var causes = Hypotheses(n, hedged, listed, question && intents.Count > 0);
            if (causes.Count > 0) intents.Add(new StatesHypotheses(causes));
        }
        return intents;
    }

    private static bool IsCodeRequest(string span) =>
        Phrase.HasAny(span, Lexicon.ShowVerbs) && !Phrase.HasAny(span, NotYetCode)
        && (Phrase.HasAny(span, Lexicon.WholeCodeWords) || Phrase.HasAnyWord(span, Lexicon.ComponentCodeWords));

    private static bool StartsWithFixVerb(string n)
    {
        var words = Words().Matches(n).Select(m => m.Value).ToList();
        var i = 0;
        while (i < words.Count && FixLeadIns.Contains(words[i])) i++;
        return i < words.Count && FixVerbs.Contains(words[i]) && (i > 0 || words.Count > 2);
    }

    private static readonly HashSet<string> FixLeadIns = new(StringComparer.Ordinal)
    {
        "id", "i", "would", "we", "should", "could", "you", "just", "lets", "then", "so", "ok", "okay", "and", "simply", "need", "to", "must",
        "fix", "it", "by", "the", "is", "first", "also", "probably", "definitely",
    };

    private static readonly HashSet<string> FixVerbs = new(StringComparer.Ordinal)
    {
        "add", "lower", "raise", "increase", "decrease", "reduce", "switch", "change", "replace", "use", "wrap", "cast", "call", "move", "divide",
        "multiply", "scale", "set", "derive", "increment", "reset", "remove", "delete", "drop", "insert", "put", "clip", "skip", "make",
        "initialize", "initialise", "normalize", "normalise", "detach", "apply", "average", "shuffle", "split", "fit", "freeze", "upcast",
        "rescale", "swap", "serve", "cap", "clamp", "disable", "enable", "turn", "zero", "accumulate", "advance", "update", "pass", "compute",
        "restart", "resume", "retrain", "train", "bump", "halve", "double", "convert", "keep", "fold", "mask",
    };
    /// <summary>Distinct cause families named in a hedged statement or a list of possibilities.</summary>
    private static List<string> Hypotheses(string n, bool hedged, int listed, bool otherwiseAQuestion)
    {
        if (!hedged && listed < 2) return [];
        if (otherwiseAQuestion && listed < 2 && !Phrase.HasAny(n, ExplicitHypothesis)) return [];
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
            var trimmed = sentence.TrimEnd('.', '!', ' ');
            if (trimmed.EndsWith('?') || Lexicon.TrailingRequestMarkers.Any(m => trimmed.EndsWith(m, StringComparison.Ordinal)))
            {
                asked.Add(sentence);
                continue;
            }
            var at = Lexicon.RequestMarkers.Select(m => IndexOfTerm(sentence, m)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (at >= 0) asked.Add(sentence[at..]);
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
        Phrase.HasAny(sentence, scenario.Code.NarrowingTerms) && Phrase.HasAny(sentence, HowImplemented);

    private static readonly string[] HowImplemented = ["scaled by", "divided by", "normalized by", "normalised by", "being scaled", "being divided",
        "being normalized", "implemented", "computed", "applied", "does the code", "in the code"];

    private static readonly string[] OwnCode = ["bug in our", "bug in my", "bug in the code", "bug in the model", "our bug"];

    private static readonly string[] ExplicitHypothesis = ["hypothes", "my guess", "i suspect", "could be", "might be", "maybe"];

    private static readonly string[] AlsoGlobal = ["global", "overall", "total norm", "and the grad", "as well as"];

    private static readonly string[] AboutGradients = ["grad", "norm", "which layer", "breakdown", "gn"];

    private static readonly string[] DefinitionVerbs = ["explain", "define", "what do you mean by", "remind me what"];

    private static readonly string[] NotYetCode = ["before we look at the code", "before looking at the code", "before i look at the code",
        "before seeing the code", "before we see the code", "before the code", "without looking at the code", "without the code"];

    internal static IEnumerable<EvidenceKind> RequestedKinds(string n)
    {
        var found = new List<EvidenceKind>();
        foreach (var (kind, terms) in Lexicon.Evidence)
        {
            if (!Phrase.HasAny(n, terms)) continue;
            // "per-layer gradient norms" names layer-wise norms, not the global ones as well.
            if (kind == EvidenceKind.GradNorms && found.Contains(EvidenceKind.LayerGradNorms) && !Phrase.HasAny(n, AlsoGlobal)) continue;
            if (kind == EvidenceKind.LayerGradNorms && !Phrase.HasAny(n, AboutGradients)) continue;
            if (kind == EvidenceKind.LossHistory && found.Count > 0) continue;
            found.Add(kind);
        }
        return found;
    }

    private static bool IsDefinitionQuestion(string n) => Phrase.HasAny(n, Lexicon.ConceptQuestionMarkers) && Lexicon.IsQuestion(n) || Phrase.HasAny(n, DefinitionVerbs);

    internal static bool RefersToThisRun(string n) =>
        Phrase.HasAnyWord(n, RunWords);

    private static readonly string[] RunWords = ["we", "our", "us", "this run", "the run", "this model", "the model", "this script", "enabled",
        "turned on", "set to", "are using", "is using", "do we", "does it", "in this", "here", "is it on", "is there"];

    private static bool NamesSomeComponent(string n) =>
        Phrase.HasAny(n, ComponentNames);

    private static readonly string[] ComponentNames = ["the attention", "attention module", "the loss", "the model", "training loop", "train loop", "the optimizer", "data loader",
            "dataloader", "the mask", "the cache", "the decode", "generation loop", "forward", "the layer", "the block", "the function", "the class",
            "eval loop", "validation loop", "preprocessing", "the scaler", "normaliz", "the step", "the scheduler", "the sampler", "the head", "embedding"];

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
        "here's the bug", "here's the problem", "that's the bug", "that is the bug", "is the bug", "is the culprit", "i see it", "i see the bug", "thats it",
        "i see the issue", "i see the problem", "aha", "bug is in", "bug is that", "problem is that", "issue is that",
    ];

    /// <summary>Flat assertions that name a cause ("it's the mask"), claims when not hedged.</summary>
    private static readonly string[] FlatClaimMarkers =
    [
        "its the ", "its a ", "it is the ", "it is a ", "thats the ", "that is the ", "definitely", "for sure", "im confident", "i am confident",
        "im sure", "pretty sure", "certainly", "clearly", "the reason is", "caused by the", "is the cause", "thats it", "ive got it",
        "found the", "found it", "confirmed", "theres the",
    ];

    private static readonly string[] StrongFixMarkers =
    [
        "the fix is", "fix would be", "fix is to", "to fix", "i'd fix", "i would fix", "we fix", "fixed by", "fix it by", "should be changed",
        "change it to", "replace it with", "replace with", "the solution is", "solution would be", "the line should be", "should read",
    ];

    [GeneratedRegex(@"(?<=[?!;])\s*|(?<=\.)\s+(?=[a-z])|\s+-\s+|\s*\n\s*")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\b(first|second|third|fourth|fifth|firstly|secondly|thirdly|lastly|finally)\b[,:]")]
    private static partial Regex Ordinals();

    [GeneratedRegex(@"[a-z_]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"(?:^|\s)(?:\(?\d[\.\)]|[-*•])\s+\S")]
    private static partial Regex ListItems();

    [GeneratedRegex(@"\bline\s*#?\s*(\d{1,4})\b")]
    private static partial Regex LineReference();

    [GeneratedRegex(@"\b(steps?|layers?|epochs?|iterations?)\s*#?\s*\d[\d,\s\-–to]*")]
    private static partial Regex StepOrLayer();
}
