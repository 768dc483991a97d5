using BugTrail.Core.Policy;
using BugTrail.Core.Sessions;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Reports;

/// <summary>One line of the conversation as the report prints it.</summary>
public sealed record TranscriptLine(TimeSpan At, bool FromCandidate, string Move, string Text);

/// <summary>
/// The whole conversation for the report, so a reviewer can check every judgement against what was said: commands as
/// the sentences they stand for, a proposed patch summarised (its diff is in the room), each interviewer move named.
/// </summary>
public static class Transcript
{
    public static IReadOnlyList<TranscriptLine> Of(IReadOnlyList<SessionEvent> log)
    {
        var start = ((InterviewStarted)log[0]).At;
        return [.. log.Select(e => e switch
        {
            CandidateSaid said => new TranscriptLine(said.At - start, true, "",
                Commands.IsPatch(said.Text) ? $"(proposed a fix as an edited file of {said.Text[Commands.Patch.Length..].Trim('\r', '\n').Split('\n').Length} lines)" : Commands.Describe(said.Text)),
            InterviewerActed acted => new TranscriptLine(acted.At - start, false, InterviewerAction.WireName(acted.Action.Kind).Replace('_', ' '), acted.Action.Text),
            _ => null,
        }).OfType<TranscriptLine>()];
    }
}
