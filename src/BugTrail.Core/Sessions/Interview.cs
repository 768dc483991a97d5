using BugTrail.Core.Understanding;
using BugTrail.Core.Policy;
using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Sessions;

/// <summary>
/// A live interview: the append-only log, its folded state, and the policy deciding what happens next.
/// Time is always passed in; the caller owns the clock (a real one in practice, a virtual one in replay).
/// </summary>
public sealed class Interview
{
    private readonly List<SessionEvent> log = [];
    private readonly Func<string, Scenario> scenarios;
    private readonly IReader reader;

    private Interview(InterviewPlan plan, DateTimeOffset at, Func<string, Scenario> scenarios, IReader reader, string? candidate = null)
    {
        this.scenarios = scenarios;
        this.reader = reader;
        log.Add(new InterviewStarted(at, plan, candidate));
        State = InterviewState.Begin(plan, at, scenarios);
    }

    public InterviewState State { get; private set; }

    public IReadOnlyList<SessionEvent> Log => log;

    public static Interview Start(InterviewPlan plan, DateTimeOffset at, Func<string, Scenario> scenarios, IReader reader, string? candidate = null)
    {
        var interview = new Interview(plan, at, scenarios, reader, candidate);
        interview.AdvanceTo(at);
        return interview;
    }

    /// <summary>Continues a stored session: the log is folded again, exactly.</summary>
    public static Interview Resume(IReadOnlyList<SessionEvent> stored, Func<string, Scenario> scenarios, IReader reader)
    {
        var started = (InterviewStarted)stored[0];
        var interview = new Interview(started.Plan, started.At, scenarios, reader, started.Candidate);
        interview.log.AddRange(stored.Skip(1));
        interview.State = SessionFold.Replay(stored, scenarios, reader);
        return interview;
    }

    /// <summary>Lets the clock run to <paramref name="now"/>: every time-driven action fires at the moment it was due.</summary>
    public IReadOnlyList<InterviewerAction> AdvanceTo(DateTimeOffset now) => Advance(now, inclusive: true);

    private List<InterviewerAction> Advance(DateTimeOffset now, bool inclusive)
    {
        var acted = new List<InterviewerAction>();
        while (Interviewer.NextDue(State) is { } due && (due < now || (inclusive && due == now)))
        {
            var actions = Interviewer.Tick(State, due);
            if (actions.Count == 0) break;
            foreach (var action in actions) Apply(due, action);
            acted.AddRange(actions);
        }
        return acted;
    }

    /// <summary>
    /// The candidate speaks at <paramref name="now"/>; returns what the interviewer does in reply, after anything
    /// that fell due before. A message arriving at the very moment something falls due is heard first.
    /// </summary>
    public IReadOnlyList<InterviewerAction> Say(string text, DateTimeOffset now)
    {
        var acted = Advance(now, inclusive: false);
        if (State.Ended) return acted;
        log.Add(new CandidateSaid(now, text));
        var said = SessionFold.Understand(State, text, reader);
        State = SessionFold.Candidate(State, now, said);
        var reply = Interviewer.Respond(State, said, now);
        foreach (var action in reply) Apply(now, action);
        acted.AddRange(reply);
        return acted;
    }

    /// <summary>
    /// The candidate speaks with a person interviewing: the message is logged and understood, but the
    /// policy does not answer; <see cref="Propose"/> says what it would do, and the person chooses.
    /// </summary>
    public void Hear(string text, DateTimeOffset now)
    {
        if (State.Ended) return;
        log.Add(new CandidateSaid(now, text));
        State = SessionFold.Candidate(State, now, SessionFold.Understand(State, text, reader));
    }

    /// <summary>What the automated interviewer would do now: its reply to the last message, or what time has made due.</summary>
    public IReadOnlyList<InterviewerAction> Propose(DateTimeOffset now) => Propose(State, log, now, reader);

    /// <summary><see cref="Propose(DateTimeOffset)"/> for a snapshot of an interview.</summary>
    public static IReadOnlyList<InterviewerAction> Propose(InterviewState state, IReadOnlyList<SessionEvent> log, DateTimeOffset now, IReader reader)
    {
        if (state.Ended) return [];
        var due = Interviewer.NextDue(state) is { } at && at <= now ? Interviewer.Tick(state, at) : [];
        if (due.Count > 0) return due;
        var lastSaid = log.LastOrDefault(e => e is CandidateSaid or InterviewerActed);
        return lastSaid is CandidateSaid said ? Interviewer.Respond(state, SessionFold.Understand(state, said.Text, reader), now) : [];
    }

    /// <summary>A person interviewing takes an action (perhaps one proposed); it is logged and folded like any other.</summary>
    public void Act(InterviewerAction action, DateTimeOffset now)
    {
        if (State.Ended) return;
        Apply(now, action);
    }

    /// <summary>The interviewer notes something for the report.</summary>
    public void Note(string text, string by, DateTimeOffset now) => log.Add(new InterviewerNoted(now, text, by));

    /// <summary>The room noticed something for the integrity log.</summary>
    public void Observe(string kind, string detail, DateTimeOffset now) => log.Add(new IntegrityObserved(now, kind, detail));

    /// <summary>An interviewer corrects the evaluation; the log keeps it beside what was computed.</summary>
    public void Override(Evaluation.Override correction, string by, DateTimeOffset now) => log.Add(new EvaluationOverridden(now, correction, by));

    /// <summary>The scenario behind an id, for front ends rendering released evidence and code.</summary>
    public Scenario ScenarioOf(string id) => scenarios(id);

    /// <summary>The reader this interview understands the candidate with; evaluations read the log with the same one.</summary>
    public IReader Reader => reader;

    private void Apply(DateTimeOffset at, InterviewerAction action)
    {
        log.Add(new InterviewerActed(at, action));
        State = SessionFold.Interviewer(State, at, action);
    }
}
