using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Understanding;

/// <summary>A structured command the reader did not recognise; the interviewer lists the ones it knows.</summary>
public sealed record UsesUnknownCommand(string Command) : Intent;

/// <summary>
/// The exact channel: <c>/ask KIND</c>, <c>/code [COMPONENT]</c>, <c>/hypotheses A; B; C</c>,
/// <c>/bug TEXT</c>, <c>/fix TEXT</c>, <c>/verify TEXT</c>, <c>/stuck</c>, <c>/giveup</c>.
/// </summary>
public static class Commands
{
    /// <summary>A proposed fix as edited code: <c>/patch</c>, a newline, then the whole edited file.</summary>
    public const string Patch = "/patch";

    public static bool IsPatch(string text) =>
        text.StartsWith(Patch, StringComparison.Ordinal) && (text.Length == Patch.Length || text[Patch.Length] is '\n' or '\r');

    public static readonly IReadOnlyList<string> Help =
    [
        "/ask KIND [detail]   ask for evidence (grad_norms, layer_grad_norms, learning_rate, ...)",
        "/code [component]    ask to see the code",
        "/hypotheses A; B; C  state your hypotheses",
        "/bug TEXT            name the root cause",
        "/fix TEXT            propose a fix",
        "/verify TEXT         say how you would verify the fix",
        "/patch               followed by the edited code on the next lines: propose a fix as a change to the code",
        "/stuck               say you are stuck",
        "/giveup              give up on this scenario",
    ];

    public static Utterance Read(string text, Scenario scenario, ReadingContext context)
    {
        if (IsPatch(text))
            return new Utterance(text, context.CodeVisible ? [PatchJudge.Judge(scenario, text[Patch.Length..].TrimStart('\r', '\n'))] : []);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var name = (space < 0 ? text[1..] : text[1..space]).ToLowerInvariant();
        var rest = space < 0 ? "" : text[(space + 1)..].Trim();
        var n = Phrase.Normalise(rest);
        List<Intent> intents = name switch
        {
            "ask" when WireNames.TryParse<EvidenceKind>(rest.Split(' ')[0], out var kind) =>
                kind == EvidenceKind.Code ? [new RequestsCode(NamesComponent: rest.Contains(' ', StringComparison.Ordinal))]
                    : [new RequestsEvidence(kind, rest.Contains(' ', StringComparison.Ordinal) ? rest[(rest.IndexOf(' ', StringComparison.Ordinal) + 1)..] : null)],
            "ask" => [new UsesUnknownCommand($"/ask {rest}")],
            "code" => Code(rest, scenario),
            "hypotheses" or "hypothesis" or "h" =>
                [new StatesHypotheses(rest.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
            "bug" => Reader.ReadFree(n, scenario, context, forceClaim: true, forceFix: false).Where(i => i is ClaimsRootCause or ProposesFix or NarrowsToComponent).ToList(),
            "fix" => Reader.ReadFree(n, scenario, context, forceClaim: false, forceFix: true).Where(i => i is ProposesFix or DescribesVerification).ToList(),
            "verify" => [new DescribesVerification()],
            "stuck" => [new SaysStuck()],
            "giveup" or "give-up" => [new GivesUp()],
            _ => [new UsesUnknownCommand(text.Split(' ')[0])],
        };
        return new Utterance(text, intents);
    }

    /// <summary>
    /// A command as the sentence it stands for, for people to read in the conversation ("/stuck" → "I'm stuck."). Only the
    /// candidate's own words and the public names of evidence kinds are used; any other text is shown as typed.
    /// </summary>
    public static string Describe(string text)
    {
        if (!text.StartsWith('/') || IsPatch(text)) return text;
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var name = (space < 0 ? text[1..] : text[1..space]).ToLowerInvariant();
        var rest = space < 0 ? "" : text[(space + 1)..].Trim();
        var first = rest.Split(' ')[0];
        return name switch
        {
            "ask" when WireNames.TryParse<EvidenceKind>(first, out var kind) && kind != EvidenceKind.Code =>
                $"Could I see the {first.Replace('_', ' ')}{(rest.Length > first.Length ? $" ({rest[(first.Length + 1)..]})" : "")}?",
            "code" => rest.Length == 0 ? "Could I see the code?" : $"Could I see the code of {rest}?",
            "hypotheses" or "hypothesis" or "h" when rest.Length > 0 => $"My hypotheses: {rest}",
            "bug" when rest.Length > 0 => $"The bug: {rest}",
            "fix" when rest.Length > 0 => $"The fix: {rest}",
            "verify" when rest.Length > 0 => $"To verify: {rest}",
            "stuck" => "I'm stuck.",
            "giveup" or "give-up" => "I give up on this one.",
            _ => text,
        };
    }

    private static List<Intent> Code(string rest, Scenario scenario)
    {
        if (rest.Length == 0) return [new RequestsCode(NamesComponent: false)];
        var term = Phrase.First(Phrase.Normalise(rest), scenario.Code.NarrowingTerms);
        return term is null ? [new RequestsCode(NamesComponent: true)] : [new RequestsCode(NamesComponent: true), new NarrowsToComponent(term)];
    }
}
