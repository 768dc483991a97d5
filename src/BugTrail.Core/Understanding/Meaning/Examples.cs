namespace BugTrail.Core.Understanding.Meaning;

/// <summary>
/// What the labelled development messages teach the reader. A message that does one thing is an example of it:
/// of an intent (all scenarios), of an evidence kind (all scenarios), and of its own scenario's facts, root cause,
/// fix and wrong answers. Messages that do several things are not examples: which sentence does what is unlabelled.
/// </summary>
internal static class Examples
{
    /// <summary>The general intent a single-purpose message is an example of.</summary>
    public static string? IntentOf(PhrasingLabel label) => label.Intent switch
    {
        "request_evidence" => "request",
        "ask_fact" or "ask_framework_bug" => "question",
        "ask_concept" => "concept",
        "request_code" or "ask_whole_codebase" => "code",
        "hypotheses" => "hypothesis",
        "claim_root_cause" => "claim",
        "propose_fix" => "fix",
        "verification" => "verification",
        "stuck" => "stuck",
        "give_up" => "give_up",
        "blame_framework" => "blame",
        "other" => "small_talk",
        _ => null,
    };

    public static IEnumerable<(PhrasingLabel Label, string Text)> SinglePurpose(IEnumerable<LabelledPhrasing> examples) =>
        examples.Where(e => e.Labels.Count == 1).Select(e => (e.Labels[0], e.Text));
}
