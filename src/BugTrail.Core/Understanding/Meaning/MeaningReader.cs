using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Understanding.Meaning;

/// <summary>How one sentence of a message was read: its structure (rules) and its nearest meanings (the model).</summary>
public sealed record SentenceReading(
    string Text,
    bool Question,
    bool Hedged,
    bool Negated,
    string? Intent,
    double IntentScore,
    EvidenceKind? Evidence,
    double EvidenceScore,
    string? Fact,
    double FactScore,
    double RootCause,
    double Fix,
    double Wrong,
    double Component,
    double CodeRequest);

/// <summary>What the reader understood, with the evidence for it: the rules' reading and each sentence's scores.</summary>
public sealed record Reading(Utterance Utterance, IReadOnlyList<Intent> Rules, IReadOnlyList<SentenceReading> Sentences);

/// <summary>
/// The embedded reader: rules for what is structural and exact (commands, line numbers, questions, hedging,
/// negation), a sentence-embedding model for meaning. Each sentence of a message is compared with what the
/// scenario says about itself (evidence, facts, root cause, fix, weak points) and with general exemplars of
/// intents and wrong claims. Pure: the encoder is passed in, and the same input gives the same reading.
/// </summary>
public sealed partial class MeaningReader : IReader, IPointReader
{
    private readonly ISentenceEncoder encoder;
    private readonly Lazy<GeneralAnchors> general;
    private readonly ConditionalWeakTable<Scenario, ScenarioAnchors> scenarios = new();

    private readonly IReadOnlyList<LabelledPhrasing> examples;

    /// <param name="examples">Labelled messages the reader learns from; by default the development tables it carries.</param>
    public MeaningReader(ISentenceEncoder encoder, MeaningThresholds? thresholds = null, IReadOnlyList<LabelledPhrasing>? examples = null)
    {
        this.encoder = encoder;
        Thresholds = thresholds ?? MeaningThresholds.Default;
        this.examples = examples ?? ModelTexts.Phrasings.Value;
        general = new(() => GeneralAnchors.Build(encoder, this.examples), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public MeaningThresholds Thresholds { get; }

    /// <summary>The scenario-independent texts the reader embeds before its first message (its model texts and examples).</summary>
    public static IReadOnlyList<string> GeneralTexts() => [.. GeneralAnchors.Texts(ModelTexts.Phrasings.Value)];

    public string ModelId => encoder.ModelId;

    public Utterance Read(string text, Scenario scenario, ReadingContext context) => Explain(text, scenario, context).Utterance;

    public IReadOnlyList<IReadOnlyList<double>> Closeness(string text, IReadOnlyList<string> points)
    {
        if (points.Count == 0 || text.Trim().Length == 0) return [];
        var ideas = encoder.Encode(points);
        return [.. encoder.Encode(Split(text.Trim())).Select(v => (IReadOnlyList<double>)[.. ideas.Select(idea => Math.Max(0, (double)Vectors.Dot(v, idea)))])];
    }

    public Reading Explain(string text, Scenario scenario, ReadingContext context)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('/') || trimmed.Length == 0)
        {
            var exact = Reader.Read(text, scenario, context);
            return new Reading(exact, exact.Intents, []);
        }
        var rules = Reader.ReadFree(Phrase.Normalise(trimmed), scenario, context, forceClaim: false, forceFix: false);
        var anchors = scenarios.GetValue(scenario, s => ScenarioAnchors.Build(s, encoder, general.Value, examples));
        var parts = Split(trimmed);
        var vectors = encoder.Encode(parts);
        var sentences = CarryHedges(parts.Select((p, i) => ReadSentence(p, vectors[i], anchors)).ToList());
        // A short follow-on question ("Do you have that per period?") takes its subject from the sentence before it.
        for (var i = 1; i < sentences.Count; i++)
        {
            if (!sentences[i].Question || Math.Max(sentences[i].EvidenceScore, sentences[i].FactScore) >= Thresholds.Evidence) continue;
            var joined = parts[i - 1] + " " + parts[i];
            var withContext = ReadSentence(joined, encoder.Encode([joined])[0], anchors);
            sentences[i] = sentences[i] with { Evidence = withContext.Evidence, EvidenceScore = withContext.EvidenceScore, Fact = withContext.Fact, FactScore = withContext.FactScore };
        }
        var intents = Combine(rules, sentences, parts, scenario, anchors, context);
        if (context.Pending is { Count: > 0 } pending) intents.Add(new AnswersFollowUps(Answered(trimmed, vectors, pending)));
        return new Reading(new Utterance(text, intents), rules, sentences);
    }

    private SentenceReading ReadSentence(string text, float[] v, ScenarioAnchors a)
    {
        var n = Phrase.Normalise(text);
        var (intent, intentScore) = Vote(v);
        var (kind, kindScore) = NearestKind(v, a);
        var (fact, factScore) = a.Facts.Count == 0 ? (null, 0) : a.Facts.Select(f => (f.Fact, Best(v, f.Anchors))).MaxBy(x => x.Item2);
        // "What I'd consider: first, …" starts like a question but is not one.
        var question = n.TrimEnd().EndsWith('?') || (Lexicon.IsQuestion(n) && !n.Contains(':', StringComparison.Ordinal) && intent is "question" or "request" or "concept");
        return new SentenceReading(text, question, IsHedged(n), IsNegated(n), intent, intentScore, kind, kindScore,
            fact?.Question, factScore, Best(v, a.RootCause), Best(v, a.Fix), Best(v, a.Wrong), Best(v, a.Component),
            general.Value.Intents.Where(g => g.Intent == "code").Select(g => Best(v, g.Anchors)).DefaultIfEmpty(0).Max());
    }

    /// <summary>The intent whose nearest exemplars are nearest on average.</summary>
    private (string? Intent, double Score) Vote(float[] v)
    {
        // Each intent scores the mean of its few nearest exemplars: a label with many examples does not outvote one with few.
        string? intent = null;
        double bestMean = double.MinValue, bestMax = 0;
        var top = new double[Thresholds.Neighbours];
        foreach (var (label, anchors) in general.Value.Intents)
        {
            Array.Fill(top, double.MinValue);
            foreach (var a in anchors)
            {
                var d = Vectors.Dot(v, a.Vector);
                if (d <= top[^1]) continue;
                var at = top.Length - 1;
                for (; at > 0 && top[at - 1] < d; at--) top[at] = top[at - 1];
                top[at] = d;
            }
            var taken = top.Where(x => x > double.MinValue).ToList();
            if (taken.Count == 0) continue;
            var mean = taken.Average();
            if (mean > bestMean) (intent, bestMean, bestMax) = (label, mean, taken[0]);
        }
        return intent is null ? (null, 0) : (intent, bestMax);
    }

    private static (EvidenceKind Kind, double Score) NearestKind(float[] v, ScenarioAnchors a) =>
        a.Evidence.Select(kv => (kv.Key, Best(v, kv.Value))).MaxBy(x => x.Item2);

    private static double Best(float[] v, IReadOnlyList<Anchor> anchors)
    {
        var best = 0.0;
        foreach (var a in anchors) best = Math.Max(best, Vectors.Dot(v, a.Vector));
        return best;
    }

    private List<Intent> Combine(List<Intent> rules, List<SentenceReading> sentences, List<string> parts, Scenario scenario, ScenarioAnchors anchors, ReadingContext context)
    {
        var t = Thresholds;
        var intents = new List<Intent>(rules);
        var perSentence = parts.Select(p => Reader.ReadFree(Phrase.Normalise(p), scenario, context, forceClaim: false, forceFix: false)).ToList();

        // A statement that merely names data ("a corrupted batch caused it") asks to see nothing.
        for (var i = 0; i < sentences.Count; i++)
        {
            var n = Phrase.Normalise(parts[i]);
            if (sentences[i].Question || sentences[i].Intent is "request" or "question" or "concept" || Phrase.HasAny(n, Lexicon.RequestMarkers)) continue;
            if (!perSentence[i].Any(x => x is RequestsEvidence)) continue;
            RemoveEvidenceAskedOnlyIn(intents, perSentence, i);
            perSentence[i] = [.. perSentence[i].Where(x => x is not RequestsEvidence)];
        }

        // "I'd like to rule out X" names something to check, not something to see: a hypothesis, unless it also asks to see.
        for (var i = 0; i < sentences.Count; i++)
        {
            var n = Phrase.Normalise(parts[i]);
            if (!Phrase.HasAny(n, RuleOut) || Phrase.HasAny(n, Lexicon.ShowVerbs)) continue;
            RemoveEvidenceAskedOnlyIn(intents, perSentence, i);
            perSentence[i] = [.. perSentence[i].Where(x => x is not RequestsEvidence)];
            sentences[i] = sentences[i] with { Hedged = true };
        }

        // Requests and questions the rules could not name: the nearest evidence kind or fact, when near enough.
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = sentences[i];
            var r = perSentence[i];
            // A hedged statement ("that looks like something that grew slowly") asks for nothing unless it says so.
            var asking = s.Question || (s.Intent is "request" or "question" or "concept" && s.IntentScore >= t.Asking && !s.Hedged && !r.Any(x => x is DescribesVerification))
                || Phrase.HasAny(Phrase.Normalise(s.Text), Lexicon.RequestMarkers);
            // "I'm kind of stuck, can you give me a pointer?" asks for help, not for whichever diagnostic sits nearest.
            if (!asking || s.Negated || r.Any(x => x is SaysStuck or GivesUp)) continue;
            // "the new codebase" in a question about throughput is not a request for the repository.
            if (r.Any(x => x is AsksWholeCodebase) && s.EvidenceScore >= t.Evidence + t.Clear && !r.Any(x => x is RequestsEvidence or RequestsCode))
            {
                intents.RemoveAll(x => x is AsksWholeCodebase);
                r = [.. r.Where(x => x is not AsksWholeCodebase)];
            }
            // "How large do the query-key products get?" reads like a textbook question but asks about this run's numbers.
            if (r.Any(x => x is AsksConcept) && s.EvidenceScore >= t.Evidence + 2 * t.Clear && !r.Any(x => x is RequestsEvidence or RequestsCode))
            {
                intents.RemoveAll(x => x is AsksConcept);
                r = [.. r.Where(x => x is not AsksConcept)];
            }
            // "Can I see activation statistics for each block?" names a block but asks for a diagnostic, clearly nearer in meaning.
            if (r.Any(x => x is RequestsCode) && !r.Any(x => x is RequestsEvidence) && s.Evidence is { } diagnostic
                && s.EvidenceScore >= t.Evidence + 2 * t.Clear && s.EvidenceScore >= s.CodeRequest + 2 * t.Clear
                && !perSentence.Where((_, j) => j != i).Any(o => o.Any(x => x is RequestsCode)))
            {
                intents.RemoveAll(x => x is RequestsCode);
                r = [.. r.Where(x => x is not RequestsCode), new RequestsEvidence(diagnostic, null)];
                if (!intents.OfType<RequestsEvidence>().Any(x => x.Kind == diagnostic)) intents.Add(new RequestsEvidence(diagnostic, null));
            }
            // "Do you clip the gradients?" names gradients but asks a fact about the run: a clearly nearer fact wins over the word.
            if (s.Question && s.Fact is not null && s.FactScore >= t.Fact + t.Clear && s.FactScore > s.EvidenceScore
                && r.Any(x => x is RequestsEvidence) && !r.Any(x => x is AsksFact))
            {
                RemoveEvidenceAskedOnlyIn(intents, perSentence, i);
                r = [.. r.Where(x => x is not RequestsEvidence)];
            }
            // "Can you break the grad norm down per stage?" has grad_norms' words and layer_grad_norms' meaning: a kind the rules
            // named from one word gives way to a different kind the whole sentence is clearly nearest to.
            if (s.Evidence is { } nearest && s.EvidenceScore >= t.Evidence + 3 * t.Clear && r.OfType<RequestsEvidence>().ToList() is [var worded]
                && worded.Kind != nearest && !perSentence.Where((_, j) => j != i).Any(o => o.OfType<RequestsEvidence>().Any(x => x.Kind == worded.Kind)))
            {
                intents.RemoveAll(x => x is RequestsEvidence e && e.Kind == worded.Kind);
                if (!intents.OfType<RequestsEvidence>().Any(x => x.Kind == nearest)) intents.Add(new RequestsEvidence(nearest, null));
                r = [.. r.Where(x => x is not RequestsEvidence), new RequestsEvidence(nearest, null)];
                perSentence[i] = r;
            }
            // "I'd like to see where the pipeline fits the scaler" asks for the code, in words no list holds (and "validation" in it is no metric).
            // Asking for code and asking for a diagnostic are both "can I see…": the code wins only when it is the nearer meaning,
            // and clearly so against a diagnostic the rules named.
            var margin = r.Any(x => x is RequestsEvidence) ? t.Clear : 0;
            var codeVote = s.Intent == "code" && s.IntentScore >= t.Asking && s.IntentScore >= s.EvidenceScore + margin;
            if ((codeVote || s.CodeRequest >= t.CodeRequest && s.CodeRequest >= s.EvidenceScore + margin) && !r.Any(x => x is RequestsCode or AsksWholeCodebase or AsksConcept))
            {
                RemoveEvidenceAskedOnlyIn(intents, perSentence, i);
                if (!intents.Any(x => x is RequestsCode)) intents.Add(new RequestsCode(NamesComponent: true));
                continue;
            }
            // "the gradient norms, and the loss per step": one sentence, two requests.
            if (!r.Any(x => x is RequestsCode or AsksWholeCodebase or AsksConcept) && Clauses(s.Text) is { Count: > 1 } clauses)
            {
                var vectors = encoder.Encode(clauses);
                foreach (var v in vectors)
                {
                    var (k, score) = NearestKind(v, anchors);
                    if (score >= t.Evidence + t.Clear && !intents.OfType<RequestsEvidence>().Any(x => x.Kind == k)) intents.Add(new RequestsEvidence(k, null));
                }
            }
            // "What's the largest finite fp16 value?" is a textbook question, whatever numbers or diagnostics it mentions: when the
            // sentence reads as one and names a glossary topic, the topic is answered instead of a fact or a diagnostic.
            // A scenario's own fact wins ("What does BatchNorm1d do?" may be one), as do the rules' facts and a diagnostic the
            // sentence is clearly about ("How large do the query-key products get before the softmax?" asks for this run's numbers).
            if (s.Question && s.Intent == "concept" && !r.Any(x => x is AsksConcept or AsksFact or RequestsCode or AsksWholeCodebase)
                && s.FactScore < t.Fact + t.Clear && s.EvidenceScore < t.Evidence + 2 * t.Clear && !Reader.RefersToThisRun(Phrase.Normalise(s.Text))
                && Glossary.Entries.FirstOrDefault(e => Phrase.HasAny(Phrase.Normalise(s.Text), e.Terms)) is { } topic)
            {
                RemoveEvidenceAskedOnlyIn(intents, perSentence, i);
                intents.RemoveAll(x => x is AsksFact f && r.Contains(f) && !perSentence.Where((_, j) => j != i).Any(o => o.Contains(f)));
                if (!intents.OfType<AsksConcept>().Any(x => x.Entry.Id == topic.Id)) intents.Add(new AsksConcept(topic));
                continue;
            }
            // "is there any clipping, is it running in fp16, and does it have dropout?": one sentence, several questions about the run.
            if (s.Question && anchors.Facts.Count > 0 && QuestionClauses(s.Text) is { Count: > 1 } questions)
                foreach (var v in encoder.Encode(questions))
                {
                    var (fact, score) = anchors.Facts.Select(f => (f.Fact, Score: Best(v, f.Anchors))).MaxBy(x => x.Score);
                    if (score >= t.Fact + t.Clear && !intents.OfType<AsksFact>().Any(x => x.Fact == fact)) intents.Add(new AsksFact(fact));
                }
            if (r.Any(x => x is RequestsEvidence or RequestsCode or AsksConcept or AsksWholeCodebase or AsksIfFrameworkIsBuggy or AsksImplementation))
                continue;
            if (r.OfType<AsksFact>().FirstOrDefault() is { } ruled)
            {
                if (!intents.OfType<AsksFact>().Any(x => x.Fact == ruled.Fact)) intents.Add(ruled);
                continue;
            }
            if (s.Fact is not null && s.Question && s.FactScore >= t.Fact && s.FactScore >= s.EvidenceScore - t.FactOverEvidence
                && !intents.OfType<AsksFact>().Any(x => x.Fact.Question == s.Fact))
                intents.Add(new AsksFact(scenario.Facts.First(f => f.Question == s.Fact)));
            else if (Reader.RequestedKinds(Phrase.Normalise(s.Text)).ToList() is { Count: > 0 } named && s.Intent is "request" or "question")
            {
                // An ask without the rules' request words ("I'd start with the global gradient norm"): the lexicon still names the kind.
                foreach (var k in named.Where(k => !intents.OfType<RequestsEvidence>().Any(x => x.Kind == k))) intents.Add(new RequestsEvidence(k, null));
            }
            else if (s.Evidence is { } kind && s.EvidenceScore >= t.Evidence && !intents.OfType<RequestsEvidence>().Any(x => x.Kind == kind))
                intents.Add(new RequestsEvidence(kind, null));
            // A question near a diagnostic but not near enough: ask back instead of guessing (or staying silent).
            else if (s.Question && s.Evidence is { } near && s.EvidenceScore >= t.Evidence - t.Clear && s.FactScore < t.Fact - t.Clear
                     && !intents.Any(x => x is MayMeanEvidence))
                intents.Add(new MayMeanEvidence(near));
        }
        // A guess is dropped once anything in the message is understood as asked: it only fills a silence.
        if (intents.Any(x => x is RequestsEvidence or RequestsCode or AsksFact or AsksConcept or AsksImplementation or AsksWholeCodebase))
            intents.RemoveAll(x => x is MayMeanEvidence);

        // Giving up is a major red flag: a technical statement that happens to say "the next one" or "the answer" is not one.
        if (intents.Any(x => x is GivesUp) && !sentences.Any(s => s.Intent is "give_up" or "stuck")
            && sentences.Any(s => Math.Max(s.RootCause, Math.Max(s.Fix, s.Wrong)) >= t.Technical || s.Intent is "claim" or "fix"))
            intents.RemoveAll(x => x is GivesUp);

        // Naming a framework API in a diagnosis or a fix ("use F.scaled_dot_product_attention", "strict=False returns…") is not blaming it.
        // Pointing at our own lines or code is the opposite of blaming the framework.
        if (intents.Any(x => x is BlamesFramework) && !sentences.Any(s => s.Intent == "blame")
            && (OwnCode().IsMatch(string.Join(" ", parts)) || (sentences.Any(s => !s.Negated && Math.Max(s.RootCause, s.Fix) >= t.Technical)
                && !sentences.Any(s => s.Wrong > Math.Max(s.RootCause, s.Fix)))))
            intents.RemoveAll(x => x is BlamesFramework);

        // Claims: hedged or checked-for causes are hypotheses; an assertion is acknowledged only when its meaning is the root cause's.
        // A request ("show me where the scores are computed") asserts nothing, whatever it names.
        var assertive = sentences.Where((s, i) => !s.Question && !s.Hedged && !s.Negated && s.Intent is not ("request" or "question" or "concept" or "small_talk")
            && !perSentence[i].Any(x => x is RequestsEvidence or RequestsCode or AsksFact or AsksConcept or StatesHypotheses)).ToList();
        var rootCauseSaid = assertive.Any(s => s.RootCause >= t.RootCause && s.RootCause - s.Wrong >= t.RootCauseOverWrong);
        // A diagnosis sits next to its fix in meaning ("nothing clears the gradients" / "clear the gradients"): a fix must also read as one.
        // A fix proposes a change; "nothing divides the scores by sqrt(d)" says what is missing, however near the fix it sits in meaning.
        var proposals = parts.Select(p => ProposesChange(Phrase.Normalise(p))).ToList();
        var fixSaid = sentences.Where((s, i) => assertive.Contains(s) && s.Fix >= t.Fix && s.Fix - s.Wrong >= t.FixOverWrong
            && (context.FixAsked || proposals[i])
            && (context.FixAsked || s.Intent == "fix" || perSentence[i].Any(x => x is ProposesFix) || s.Fix >= s.RootCause + t.FixOverRootCause)).Any();
        var changeProposed = context.FixAsked || sentences.Where((s, i) => proposals[i] && !s.Question && !s.Negated).Any();
        // The rules found every concept's words; the meaning must not point elsewhere ("the logged loss IS divided, so…").
        var meaningDisagrees = assertive.Count == 0 || assertive.All(s => Math.Max(s.RootCause, s.Fix) < t.Plausible || Math.Max(s.RootCause, s.Fix) - s.Wrong < -t.Veto);
        var claimLike = assertive.Any(s => s.Intent == "claim" || s.Wrong >= t.WrongClaim || s.RootCause >= t.Plausible
            || Phrase.HasAny(Phrase.Normalise(s.Text), Lexicon.ClaimMarkers));
        var allHedged = sentences.All(s => s.Hedged || s.Question);
        var blocked = intents.Any(x => x is GivesUp or BlamesFramework);

        // The rules found the root cause's words, but only in a sentence that calls it fine ("the softmax is correct; the bug is…").
        if (sentences.Any(s => s.Negated) && sentences.Any(s => !s.Negated))
        {
            var kept = string.Join(". ", parts.Where((_, i) => !sentences[i].Negated));
            var without = Reader.ReadFree(Phrase.Normalise(kept), scenario, context, forceClaim: false, forceFix: false);
            if (without.Find(x => x is ClaimsRootCause) is not ClaimsRootCause { Correct: true })
                meaningDisagrees = true;
        }

        if (intents.Find(x => x is ClaimsRootCause) is ClaimsRootCause claim)
        {
            intents.Remove(claim);
            if (allHedged) AddHypothesis(intents);
            else intents.Add(claim with { Correct = (claim.Correct && !meaningDisagrees) || rootCauseSaid });
        }
        else if (rootCauseSaid && !allHedged && !blocked)
        {
            intents.RemoveAll(x => x is StatesHypotheses);
            intents.Add(new ClaimsRootCause(true, [], []));
        }
        else if (claimLike && !blocked && !intents.Any(x => x is StatesHypotheses or SaysStuck or AsksFact or RequestsEvidence or RequestsCode))
            intents.Add(new ClaimsRootCause(false, [], []));

        if (intents.Find(x => x is ProposesFix) is ProposesFix fix)
        {
            intents.Remove(fix);
            if (!allHedged && changeProposed) intents.Add(fix with { Correct = (fix.Correct && !meaningDisagrees) || fixSaid });
        }
        else if (fixSaid && !allHedged && !intents.Any(x => x is GivesUp))
            intents.Add(new ProposesFix(true));
        else if (context.FixAsked && !allHedged && !intents.Any(x => x is GivesUp or SaysStuck) && assertive.Count > 0)
            intents.Add(new ProposesFix(false));   // asked for the fix, the answer is one, right or wrong

        // A sentence the rules read as a fix or a verification on its own ("…; drop it to 1e-4") counts in the whole message.
        if (!intents.Any(x => x is ProposesFix) && !allHedged && !blocked && perSentence.Where((_, i) => proposals[i]).Any(r => r.Any(x => x is ProposesFix)))
            intents.Add(new ProposesFix(fixSaid));
        // An instruction that changes something ("Halve it and restart", "Set bias=False on the projections") proposes a fix even in
        // words that are not the scenario's: a wrong fix is still a fix the interviewer weighs. Re-running is verifying, not fixing.
        if (!intents.Any(x => x is ProposesFix) && !allHedged && !blocked
            && parts.Where((p, i) => assertive.Contains(sentences[i]) && ChangesSomething(Phrase.Normalise(p))).Any())
            intents.Add(new ProposesFix(fixSaid));
        if (!intents.Any(x => x is DescribesVerification) && perSentence.Any(r => r.Any(x => x is DescribesVerification)))
            intents.Add(new DescribesVerification());

        // Possibilities said in passing ("Maybe the outputs are already probabilities? Can I see…") are hypotheses too.
        var possibilities = sentences.Count(s => s.Hedged && !s.Negated && Math.Max(s.RootCause, Math.Max(s.Wrong, s.Fix)) >= t.Plausible
            && s.Intent is not ("request" or "small_talk" or "stuck" or "give_up"));
        if (possibilities > 0 && !intents.Any(x => x is StatesHypotheses or GivesUp) && intents.Find(x => x is ClaimsRootCause) is not ClaimsRootCause { Correct: true })
        {
            intents.RemoveAll(x => x is ClaimsRootCause);
            intents.Add(new StatesHypotheses(Enumerable.Range(1, possibilities).Select(i => $"possibility {i}").ToList()));
        }

        // "The loss is stuck because…" is a diagnosis, not a candidate who is stuck.
        if (intents.Any(x => x is SaysStuck) && intents.Any(x => x is ClaimsRootCause or ProposesFix) && !sentences.Any(s => s.Intent is "stuck" or "give_up"))
            intents.RemoveAll(x => x is SaysStuck);

        // Naming the part of the system the bug lives in, in any words ("the attention block of layer 11"), is narrowing down.
        if (!intents.Any(x => x is NarrowsToComponent) && sentences.Any(s => !s.Negated && (s.Component >= t.Component || s.RootCause >= t.RootCause)))
            intents.Add(new NarrowsToComponent(scenario.Code.Component));

        // The gentler intents the rules missed, when the model is sure.
        // A list's introduction ("My hypotheses:") says nothing by itself, however near it sits to "I have no more ideas".
        // Being stuck is said of oneself ("I can't see it", "any pointer?"): "until an allocation can't find a block" is about memory.
        // And a message that goes on to a guess, a claim, a fix or a request is moving ("the loop looks fine to me; my guess is…").
        if (!intents.Any(x => x is SaysStuck or GivesUp or StatesHypotheses or ClaimsRootCause or ProposesFix or RequestsEvidence or RequestsCode or AsksFact)
            && sentences.Any(s => s.Intent == "stuck" && s.IntentScore >= t.Stuck && !s.Text.TrimEnd().EndsWith(':')
                && AboutOneself().IsMatch(Phrase.Normalise(s.Text))))
            intents.Add(new SaysStuck());
        if (!intents.Any(x => x is DescribesVerification) && sentences.Any(s => !s.Question && s.Intent == "verification" && s.IntentScore >= t.Verification))
            intents.Add(new DescribesVerification());
        return intents;
    }

    /// <summary>
    /// Pairs of things a candidate may ask for in one scenario (its facts and its evidence) that mean nearly the same, so a
    /// question could land on either: worth rewording, since the reader picks the nearest.
    /// </summary>
    public IReadOnlyList<(string First, string Second, double Similarity)> Confusions(Scenario scenario)
    {
        var items = scenario.Facts.Select(f => $"fact \"{f.Question}\"")
            .Concat(scenario.Evidence.Append(scenario.OpeningMetrics).Select(e => $"evidence {WireNames.Of(e.Kind)} \"{e.Title}\""))
            .ToList();
        var texts = scenario.Facts.Select(f => f.Question).Concat(scenario.Evidence.Append(scenario.OpeningMetrics).Select(e => e.Title)).ToList();
        var kinds = scenario.Facts.Select(_ => (EvidenceKind?)null).Concat(scenario.Evidence.Append(scenario.OpeningMetrics).Select(e => (EvidenceKind?)e.Kind)).ToList();
        var vectors = encoder.Encode(texts);
        var close = new List<(string, string, double)>();
        for (var i = 0; i < texts.Count; i++)
            for (var j = i + 1; j < texts.Count; j++)
            {
                if (kinds[i] is { } a && kinds[j] is { } b && a == b) continue;
                var similarity = Vectors.Dot(vectors[i], vectors[j]);
                if (similarity >= Thresholds.Confusable) close.Add((items[i], items[j], Math.Round(similarity, 2)));
            }
        return close;
    }

    /// <summary>
    /// Which pending follow-ups a message answers: every one when it says so ("for the first… for the second…"), else those its
    /// sentences are near in meaning (the question and its key points); when none is near, the oldest.
    /// </summary>
    private List<string> Answered(string text, IReadOnlyList<float[]> sentences, IReadOnlyList<FollowUp> pending)
    {
        if (pending.Count == 1 || Reader.AnswersAll(text)) return [.. pending.Select(f => f.Id)];
        var scored = pending.Select(f =>
        {
            var anchors = encoder.Encode([f.Question, .. f.StrongPoints.Select(p => p.Name)]);
            return (f.Id, Score: sentences.Max(v => anchors.Max(a => Vectors.Dot(v, a))));
        }).ToList();
        var best = scored.Max(x => x.Score);
        var near = scored.Where(x => x.Score >= Thresholds.Answer && x.Score >= best - Thresholds.AnswerMargin).Select(x => x.Id).ToList();
        return near.Count > 0 ? near : [pending[0].Id];
    }

    /// <summary>Withdraws the evidence requests sentence <paramref name="i"/> made, unless another sentence asks for the same kind.</summary>
    private static void RemoveEvidenceAskedOnlyIn(List<Intent> intents, List<List<Intent>> perSentence, int i)
    {
        var kinds = perSentence[i].OfType<RequestsEvidence>().Select(r => r.Kind).ToHashSet();
        intents.RemoveAll(x => x is RequestsEvidence r && kinds.Contains(r.Kind)
            && !perSentence.Where((_, j) => j != i).Any(o => o.OfType<RequestsEvidence>().Any(q => q.Kind == r.Kind)));
    }

    /// <summary>The items of a list introduced as possibilities ("My hypotheses: 1. … 2. …") are possibilities too.</summary>
    private static List<SentenceReading> CarryHedges(List<SentenceReading> sentences)
    {
        var open = false;
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = sentences[i];
            if (open && !s.Hedged) sentences[i] = s with { Hedged = true };
            if (s.Hedged && (s.Text.TrimEnd().EndsWith(':') || Phrase.HasAny(Phrase.Normalise(s.Text), ListIntroductions))) open = true;
        }
        return sentences;
    }

    private static readonly string[] ListIntroductions = ["hypothes", "possibilit", "options", "candidates", "ideas", "a few things", "several things", "suspects"];

    private static void AddHypothesis(List<Intent> intents)
    {
        if (!intents.Any(x => x is StatesHypotheses)) intents.Add(new StatesHypotheses(["the root cause, to be checked"]));
    }

    /// <summary>Sentences (and list items) of a message, each read on its own: every part of a message counts.</summary>
    internal static List<string> Split(string text)
    {
        var parts = SentenceBreak().Split(text).Select(p => p.Trim()).Where(p => p.Any(char.IsLetterOrDigit)).ToList();
        return parts.Count == 0 ? [text] : parts;
    }

    /// <summary>The clauses of one asking sentence ("the grad norms, and the loss per step please").</summary>
    private static List<string> Clauses(string sentence) =>
        ClauseBreak().Split(sentence).Select(c => c.Trim()).Where(c => c.Count(char.IsLetter) >= 8).ToList();

    private static List<string> QuestionClauses(string sentence) =>
        QuestionBreak().Split(sentence).Select(c => c.Trim()).Where(c => c.Count(char.IsLetter) >= 8).ToList();

    /// <summary>Where a question sentence starts another question: ", is it…", "and does…", ", or was…".</summary>
    [GeneratedRegex(@"(?:,|\s+and|\s+or|,\s*and|,\s*or)\s+(?=(?:is|are|was|were|do|does|did|has|have|had|can|could|what|which|how|where|when)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionBreak();

    /// <summary>A sentence about the speaker or asking for help: where "stuck" can mean the candidate.</summary>
    [GeneratedRegex(@"\b(?:i|im|ive|id|me|my|we|were|us|our|hint|pointer|help|nudge|clue|idea|ideas)\b")]
    private static partial Regex AboutOneself();

    [GeneratedRegex(@",\s*(?:and|plus|also)\s+|\s+and\s+(?:also|the|its|their|how|what|whether)\s+|\s+as well as\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    /// <summary>
    /// Whether a sentence proposes a change: an instruction ("divide each loss by 8", "…, then add…"), a "should", "the fix is",
    /// "I'd…", or a line of code that is not said to be missing ("missing `pos += 1`" names the line to add, so it counts).
    /// </summary>
    private static bool ProposesChange(string n) =>
        Imperative().IsMatch(n) || Phrase.HasAny(n, ProposalMarkers) || ProposalModal().IsMatch(n)
        || (CodeChange().IsMatch(n) && !Phrase.HasAny(n, Absences)) || MissingCode().IsMatch(n);

    /// <summary>An instruction in the sentence changes something: "restart and halve the lr" does, "try clipping to 1.0" does.</summary>
    private static bool ChangesSomething(string n) =>
        Imperative().Matches(n).Any(m =>
        {
            var verb = m.Value.Trim().Split(' ')[^1];
            var next = n[(m.Index + m.Length)..].TrimStart().Split(' ', 2)[0];
            return !RerunVerbs.Contains(verb) || verb == "try" && next.EndsWith("ing", StringComparison.Ordinal);
        });

    private static readonly HashSet<string> RerunVerbs = new(["restart", "rerun", "resume", "try", "compute", "retrain"], StringComparer.Ordinal);

    private static readonly string[] ProposalMarkers =
    [
        "fix", "should", "needs to", "need to", "has to", "have to", "must ", "ought to", "instead", "replace", "change it", "change the",
        "change to", "changing", "lets ", "solution", "would be to", "better to", "the way to", "i suggest", "suggest ", "go with",
    ];

    private const string ChangeVerbs = "add|remove|delete|drop|divide|multiply|scale|rescale|move|call|use|replace|swap|insert|put|wrap|decorate|detach|clear|zero|reset|"
        + "increment|advance|derive|fit|refit|shift|shuffle|switch|change|apply|upcast|cast|clip|clamp|normali[sz]e|standardi[sz]e|filter|fill|lower|raise|"
        + "increase|decrease|reduce|set|pass|mask|enable|disable|initiali[sz]e|freeze|restart|rerun|retrain|compute|average|sum|guard|register|tie|untie|turn|bump|convert|make|skip|halve|double|cap|switch|wrap|lower|serve|resume|update|accumulate|split|upgrade|downgrade|try";

    /// <summary>A change verb opening a clause ("Remove the softmax", "…0.24. divide each micro loss by 8", "then call model.train()").</summary>
    [GeneratedRegex(@"(?:^|[.;:,]\s+|\s(?:then|and|so)\s+)(?:just\s+|simply\s+|also\s+|please\s+)?(?:" + ChangeVerbs + @")\s+(?!is\b|are\b|was\b|were\b|has\b|have\b|had\b|of\b|it\s+is\b)")]
    private static partial Regex Imperative();

    /// <summary>"I'd add…", "we would move…": a first-person modal before a change verb proposes what to do.</summary>
    [GeneratedRegex(@"\b(?:id|i would|i will|ill|wed|we would|we can|you can|you could|we could|i could|just)\s+(?:\w+\s+)?(?:" + ChangeVerbs + @")\b")]
    private static partial Regex ProposalModal();

    /// <summary>A sentence that is a line of code ("pos += 1 after each decode call", "model.train() at the top of the epoch").</summary>
    [GeneratedRegex(@"^\W*[a-z_][\w.\[\]]*\s*(?:[+\-*/]?=\s*[^=\s]|\()")]
    private static partial Regex CodeChange();

    /// <summary>"missing `pos += 1`", "no optimizer.zero_grad() anywhere": the absent line, named as code, is the line to add.</summary>
    [GeneratedRegex(@"\b(?:missing|no|without|lacks)\s+(?:a\s+|an\s+|the\s+)?[a-z_]+(?:\.[a-z_]+)*\s*(?:[+\-*/]?=|\()")]
    private static partial Regex MissingCode();

    private static readonly string[] Absences = ["nothing", "never", "without", "missing", "no ", "not ", "isnt", "doesnt", "dont", "arent", "wasnt", "forgot", "lacks", "instead of"];

    private static bool IsHedged(string n) => Phrase.HasAny(n, Hedges) || Alternatives().IsMatch(n);

    [GeneratedRegex(@"\blines?\s*\d+|\b[a-z_]+\.?[a-z_]*\([^)]*\)\s*[/*+\-=]|\(\s*[a-z_]+\s*/\s*[a-z_]+\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex OwnCode();

    private static readonly string[] RuleOut = ["rule out", "ruling out", "exclude the possibility", "make sure it isnt", "make sure its not"];

    /// <summary>"either A or B", "A, or maybe B": alternatives held open. (A plain "or" is not: "pos += 1, or better, derive it".)</summary>
    [GeneratedRegex(@"\beither\b.+\bor\b|\bor (?:maybe|possibly|perhaps|it could|it might)\b")]
    private static partial Regex Alternatives();

    internal static bool IsNegated(string n) =>
        Phrase.HasAny(n, Exonerations) || Exonerated().IsMatch(n) && !n.TrimEnd().EndsWith('?') && !Phrase.HasAny(n, Doubts);

    /// <summary>"not sure the division is actually correct" doubts; it does not clear anything.</summary>
    private static readonly string[] Doubts = ["not sure", "doubt", "dont think", "do not think", "whether", "wonder", "unsure", "if the", "if it"];

    /// <summary>"dividing by world_size is actually correct here", "that line is perfectly intended".</summary>
    [GeneratedRegex(@"\b(?:is|are|looks?|seems?)\s+(?:actually|totally|perfectly|completely|really|probably|fine and|all)\s+(?:fine|correct|right|ok|okay|intended|needed|necessary|required|expected|harmless|legit|valid)\b")]
    private static partial Regex Exonerated();

    /// <summary>A cause held open — to check, rule out or wonder about — is a hypothesis, never a finding (guide B.4).</summary>
    private static readonly string[] Hedges =
    [
        "maybe", "might", "could be", "could it", "could the", "possibly", "perhaps", "i wonder", "wondering", "rule out", "ruling out",
        "i'd check", "id check", "i would check", "want to check", "let me check", "lets check", "need to check", "i'd verify", "id verify",
        "i want to verify", "whether", "not sure", "my guess", "i guess", "i suspect", "suspect", "hypothes", "probably", "likely", "possibility",
        "one option", "either", "if ", "i'd look", "id look", "would look", "first check", "to check", "to confirm", "to see if", "hunch",
        "theory", "guess", "or maybe", "may be", "seems", "looks like", "smells like", "i think it might", "could also", "consider",
        "checking ", "still looking", "still reading", "im looking", "i am looking",
    ];

    /// <summary>Statements that a thing is fine or not the cause: naming the root cause this way is no claim of it.</summary>
    private static readonly string[] Exonerations =
    [
        "is fine", "are fine", "looks fine", "look fine", "seems fine", "is correct", "are correct", "looks correct", "looks right", "look right",
        "is right", "not the issue", "not the problem", "not the cause", "isnt the", "isnt it", "not it", "ruled out", "can rule out", "rule that out",
        "is ok", "looks ok", "is okay", "nothing wrong", "no problem with", "not related", "unrelated", "doesnt matter", "is not the",
        "look standard", "looks standard", "look normal", "looks normal", "as expected", "seem fine", "look reasonable", "looks reasonable",
    ];

    [GeneratedRegex(@"(?<=[?!;])\s+|(?<=[a-z\)\]""'`])\.\s+|\n+|\s+(?:\(?[a-e1-9]\)|[1-9]\.)\s+(?=[A-Za-z])|,?\s+(?:and|also|plus)\s+(?=(?:is|are|do|does|did|was|were|what|how|which|any|can|could|has|have)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceBreak();
}
