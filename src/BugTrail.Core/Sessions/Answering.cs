using BugTrail.Core.Understanding;

namespace BugTrail.Core.Sessions;

/// <summary>
/// Whether a message, once the bug is found, answers the question the interviewer is waiting on. The fold binds answers
/// with it and the policy moves on with it, so both agree: a question waits until it is answered.
/// </summary>
public static class Answering
{
    /// <summary>
    /// A command or a patch never answers a follow-up (it may answer "how would you fix it?"); nor does a message that
    /// only asks for something (evidence, a fact, the code), only acknowledges ("OK.") or thinks aloud ("hmm, let me
    /// think"). A short real answer is one: "No." to "Would this also happen in fp32?".
    /// </summary>
    public static bool IsAnswer(Stage stage, Utterance said)
    {
        var text = said.Text.Trim();
        if (text.StartsWith('/'))
            return stage == Stage.FixAndVerify && (said.Has<ProposesFix>() || said.Has<DescribesVerification>());
        var content = said.Intents.Where(i => i is not AnswersFollowUps).ToList();
        if (AsksOnly(text, content)) return false;
        if (content.Count > 0) return true;
        var n = Phrase.Normalise(text).Trim(' ', '.', '!', ',', '…');
        // "Let me think" opens many real answers; alone, or nearly, it is only a pause.
        var pause = n.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 && Phrase.HasAny(n, Thinking);
        return n.Length > 0 && !Acknowledgements.Contains(n) && !pause;
    }

    /// <summary>A question asking for something, with nothing of an answer in it.</summary>
    public static bool AsksOnly(string text, IReadOnlyList<Intent> content) =>
        Policy.Moves.LooksLikeAQuestion(text)
        && content.Any(i => i is RequestsEvidence or AsksFact or AsksConcept or RequestsCode or AsksImplementation)
        && !content.Any(i => i is ProposesFix or DescribesVerification or ClaimsRootCause or StatesHypotheses);

    private static readonly HashSet<string> Acknowledgements = new(StringComparer.Ordinal)
        { "ok", "okay", "sure", "right", "got it", "i see", "hmm", "hm", "mm", "ah", "oh", "alright", "all right", "ok sure", "okay sure", "understood",
          "thanks", "thank you", "ok thanks", "okay thanks", "cool", "nice", "great", "good question" };

    private static readonly string[] Thinking = ["let me think", "give me a sec", "give me a second", "one sec", "one moment", "thinking about it", "let me see"];
}
