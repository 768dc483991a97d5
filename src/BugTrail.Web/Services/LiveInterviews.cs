using System.Collections.Concurrent;
using BugTrail.Core.Policy;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Database;

namespace BugTrail.Web.Services;

/// <summary>What pages render: the log as committed, and its folded state. Replaced whole, never changed.</summary>
public sealed record InterviewSnapshot(IReadOnlyList<SessionEvent> Log, InterviewState State);

/// <summary>
/// The interviews in progress. Each is loaded from its stored log on first use (so a restarted server
/// resumes where it stopped). A change is made to the working interview under the session's gate,
/// committed to the database, and only then published as a new snapshot for pages to render.
/// </summary>
public sealed class LiveInterviews(SessionRepository repository, ScenarioCatalog catalog, TimeProvider clock, ILogger<LiveInterviews> log)
{
    private readonly ConcurrentDictionary<Guid, Live> live = new();

    /// <summary>At most this many candidate messages in <see cref="RateWindow"/>: faster than anyone types, slower than a script flooding the room.</summary>
    public const int RateLimit = 8;
    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(10);

    /// <summary>Integrity events of one kind are kept at most this often.</summary>
    public static readonly TimeSpan ObserveEvery = TimeSpan.FromSeconds(3);

    public sealed class Live(Guid id, InterviewKind kind, Interview interview, int stored)
    {
        public Guid Id { get; } = id;
        /// <summary>Practice: the automated interviewer answers. Interview: a person does, with the automated one as copilot.</summary>
        public InterviewKind Kind { get; } = kind;
        internal Interview Working { get; set; } = interview;
        internal int Stored { get; set; } = stored;
        public InterviewSnapshot Snapshot { get; internal set; } = new(interview.Log.ToArray(), interview.State);
        internal SemaphoreSlim Gate { get; } = new(1, 1);
        internal Queue<DateTimeOffset> Recent { get; } = new();
        internal Dictionary<string, DateTimeOffset> Observed { get; } = new(StringComparer.Ordinal);
        /// <summary>The room last reported the candidate away (focus lost and not yet back).</summary>
        internal bool Away { get; set; }
        /// <summary>How many candidate rooms (browser circuits) have this session open now.</summary>
        internal int OpenRooms;
        /// <summary>Bumped when the candidate link is replaced: a room opened under an older one is closed.</summary>
        public int LinkGeneration => Volatile.Read(ref replacedLinks);
        internal int replacedLinks;
        public event Action? Changed;
        public void Notify() => Changed?.Invoke();
        internal bool Watched => Changed is not null;
    }

    /// <summary>The session, or null when it does not exist, has not started, or uses a scenario no longer loaded.</summary>
    public async Task<Live?> OpenAsync(Guid id, CancellationToken cancel = default)
    {
        if (live.TryGetValue(id, out var existing)) return existing;
        var record = await repository.FindAsync(id, cancel);
        if (record is null || record.EventCount == 0) return null;
        var stored = await repository.LoadAsync(id, cancel);
        if (catalog.Bank.Missing(((InterviewStarted)stored[0]).Plan) is not null) return null;
        return live.GetOrAdd(id, new Live(id, record.Kind, Interview.Resume(stored, catalog.Get, catalog.Reader), stored.Count));
    }

    /// <summary>
    /// The candidate presses Start: a planned interview begins now, and its clock with it. Starting twice (two tabs, two nodes)
    /// is harmless: the second start finds the log begun and joins it.
    /// </summary>
    public async Task<Live?> StartAsync(Guid id, CancellationToken cancel = default)
    {
        if (await repository.PlannedStartAsync(id, cancel) is { } planned && catalog.Bank.Missing(planned.Plan) is null)
        {
            var interview = Interview.Start(planned.Plan, clock.GetUtcNow(), catalog.Get, catalog.Reader, planned.Candidate);
            try
            {
                await repository.AppendAsync(id, 0, interview.Log, ended: false, cancel: cancel);
                // The bank may have been redeployed since the interview was planned: the report names the version sat.
                await repository.SetScenarioVersionsAsync(id, planned.Plan.Scenarios.ToDictionary(p => p.ScenarioId, p => catalog.HashOf(p.ScenarioId)), cancel);
            }
            catch (ConcurrentAppendException) { }
        }
        return await OpenAsync(id, cancel);
    }

    /// <summary>The longest message a candidate may send, and the longest proposed file (a /patch); enforced here, for every path into a room.</summary>
    public const int MaxMessage = 4000, MaxPatch = 20_000;

    /// <summary>The candidate says something; returns why it was refused, or null.</summary>
    public async Task<string?> SayAsync(Live session, string text, CancellationToken cancel = default)
    {
        var patch = text.StartsWith(BugTrail.Core.Understanding.Commands.Patch, StringComparison.Ordinal);
        if (text.Length > (patch ? MaxPatch : MaxMessage))
            return patch ? "The edited code is too long." : $"Messages are limited to {MaxMessage} characters.";
        lock (session.Recent)
        {
            var now = clock.GetUtcNow();
            while (session.Recent.Count > 0 && now - session.Recent.Peek() > RateWindow) session.Recent.Dequeue();
            if (session.Recent.Count >= RateLimit) return "You're sending messages very fast; please wait a few seconds.";
            session.Recent.Enqueue(now);
        }
        try
        {
            var said = await ChangeAsync(session, (i, now) =>
            {
                if (session.Kind == InterviewKind.Practice) i.Say(text, now);
                else i.Hear(text, now);
            }, cancel);
            return said ? null : "The message could not be delivered; the interview may have ended.";
        }
        catch (StorageFailedException)
        {
            return "Your message could not be saved: the server's storage is failing. It is still in the box; please try again in a moment.";
        }
    }

    /// <summary>The interviewer (a person) takes actions, decided on the state as it is when the change is made.</summary>
    public Task<bool> ActAsync(Live session, Func<InterviewState, DateTimeOffset, IEnumerable<InterviewerAction>> decide, CancellationToken cancel = default) =>
        ChangeAsync(session, (i, now) => { foreach (var action in decide(i.State, now).ToList()) i.Act(action, now); }, cancel);

    public Task<bool> ActAsync(Live session, InterviewerAction action, CancellationToken cancel = default) =>
        ActAsync(session, (_, _) => [action], cancel);

    /// <summary>A practising candidate ends their own session (to see the debrief); an interview is ended by its interviewer only.</summary>
    public Task<bool> FinishPracticeAsync(Live session, CancellationToken cancel = default) =>
        session.Kind != InterviewKind.Practice ? Task.FromResult(false) : ActAsync(session, (state, _) => state.Ended ? [] :
            [new InterviewerAction(ActionKind.End, "You ended the practice session. Here is how it went.") { ScenarioId = state.Active?.Scenario.Id ?? state.Slots[0].Scenario.Id }], cancel);

    /// <summary>The interviewer notes something, or overrides the evaluation (only in the log, never in the room).</summary>
    public Task<bool> NoteAsync(Live session, string text, string by) =>
        ChangeAsync(session, (i, now) => i.Note(text, by, now), CancellationToken.None, evenWhenEnded: true);

    public Task<bool> OverrideAsync(Live session, BugTrail.Core.Evaluation.Override correction, string by) =>
        ChangeAsync(session, (i, now) => i.Override(correction, by, now), CancellationToken.None, evenWhenEnded: true);

    /// <summary>
    /// The room's script noticed something for the integrity log. The browser says only what happened and how much; the
    /// words are the server's, and an event that cannot have happened (a return without a leaving, a "large" input of a few
    /// characters) is dropped, so a candidate cannot write the log. Each kind is kept at most every few seconds.
    /// </summary>
    public Task<bool> ObserveAsync(Live session, string kind, int amount, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow();
        string detail;
        lock (session.Observed)
        {
            detail = kind switch
            {
                "paste" when amount is > 0 and <= MaxPatch => $"{amount} characters pasted into the message box",
                "large_input" when amount is > 200 and <= MaxPatch => $"{amount} characters appeared at once",
                "focus_lost" when !session.Away => "the candidate left the room's tab or window",
                "focus_returned" when session.Away => "the candidate came back to the room",
                _ => "",
            };
            if (detail.Length == 0) return Task.FromResult(false);
            if (kind is "focus_lost" or "focus_returned") session.Away = kind == "focus_lost";
            else if (session.Observed.TryGetValue(kind, out var last) && now - last < ObserveEvery) return Task.FromResult(false);
            session.Observed[kind] = now;
        }
        return ChangeAsync(session, (i, at) => i.Observe(kind, detail, at), cancel);
    }

    /// <summary>Issues a new candidate link; a room already open on the old one stops showing the interview.</summary>
    public async Task<string?> ReplaceLinkAsync(Guid id, CancellationToken cancel = default)
    {
        var token = await repository.RotateTokenAsync(id, cancel);
        if (token is not null && live.TryGetValue(id, out var session))
        {
            Interlocked.Increment(ref session.replacedLinks);
            session.Notify();
        }
        return token;
    }

    /// <summary>A room opened on this session's link; opened while another is open, it goes in the integrity log.</summary>
    public async Task RoomOpenedAsync(Live session)
    {
        if (Interlocked.Increment(ref session.OpenRooms) > 1)
            await ChangeAsync(session, (i, at) => i.Observe("second_room", "the candidate link was opened in a second browser or tab while the room was open", at), CancellationToken.None);
    }

    public void RoomClosed(Live session) => Interlocked.Decrement(ref session.OpenRooms);

    /// <summary>Lets the clock run for every open interview (check-ins, hints, cuts fall due on their own in practice).</summary>
    public async Task TickAsync(CancellationToken cancel = default)
    {
        // An ended session nobody is watching is let go; it is loaded again from the database if opened.
        foreach (var done in live.Values.Where(s => s.Snapshot.State.Ended && !s.Watched).ToList()) live.TryRemove(done.Id, out _);
        // Another writer (the CLI's overrides and notes) may have appended: a page someone is watching shows it within a tick.
        foreach (var watched in live.Values.Where(s => s.Watched).ToList())
        {
            // One session whose log cannot be read must not stop the others' clocks.
            try { await CatchUpAsync(watched, cancel); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "session {Id}: catching up with the stored log failed", watched.Id); }
        }
        foreach (var session in live.Values.Where(s => !s.Snapshot.State.Ended))
        {
            // A person interviewing decides for themselves; their console shows what has fallen due.
            if (session.Kind == InterviewKind.Practice) await ChangeAsync(session, (i, now) => i.AdvanceTo(now), cancel);
            session.Notify();   // the timers move
        }
    }

    /// <summary>Makes the log as stored the session's working copy and its published snapshot.</summary>
    private void TakeStored(Live session, IReadOnlyList<SessionEvent> stored)
    {
        session.Working = Interview.Resume(stored, catalog.Get, catalog.Reader);
        session.Stored = stored.Count;
        session.Snapshot = new InterviewSnapshot(stored.ToArray(), session.Working.State);
    }

    /// <summary>Reloads a session whose stored log has grown past what this process holds, and tells its pages.</summary>
    private async Task CatchUpAsync(Live session, CancellationToken cancel)
    {
        if (await repository.FindAsync(session.Id, cancel) is not { } record || record.EventCount <= session.Stored) return;
        await session.Gate.WaitAsync(cancel);
        try
        {
            var stored = await repository.LoadAsync(session.Id, cancel);
            if (stored.Count <= session.Stored) return;
            TakeStored(session, stored);
        }
        finally { session.Gate.Release(); }
        session.Notify();
    }

    private async Task<bool> ChangeAsync(Live session, Action<Interview, DateTimeOffset> change, CancellationToken cancel, bool evenWhenEnded = false)
    {
        await session.Gate.WaitAsync(cancel);
        try
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                if (session.Working.State.Ended && !evenWhenEnded) return false;
                var before = session.Working.Log.Count;
                change(session.Working, clock.GetUtcNow());
                var added = session.Working.Log.Skip(before).ToList();
                if (added.Count == 0) return true;
                try
                {
                    var ended = session.Working.State.Ended;
                    await repository.AppendAsync(session.Id, session.Stored, added, ended, SessionSummaries.Evaluate(session.Working.Log, ended, catalog), cancel);
                    session.Stored += added.Count;
                    session.Snapshot = new InterviewSnapshot(session.Working.Log.ToArray(), session.Working.State);
                    break;
                }
                catch (Exception e)
                {
                    // Nothing unsaved may shape what happens next: take the log as stored and, after a conflict, decide again.
                    try
                    {
                        var stored = await repository.LoadAsync(session.Id, CancellationToken.None);
                        TakeStored(session, stored);
                    }
                    catch (Exception reload) when (reload is not OperationCanceledException)
                    {
                        // Cannot even read: drop the unsaved change by going back to the last committed snapshot.
                        session.Working = Interview.Resume(session.Snapshot.Log, catalog.Get, catalog.Reader);
                        session.Stored = session.Snapshot.Log.Count;
                    }
                    if (e is OperationCanceledException) throw;
                    if (e is not ConcurrentAppendException)
                    {
                        log.LogError(e, "session {Id}: storing failed", session.Id);
                        throw new StorageFailedException(e);
                    }
                    log.LogInformation("session {Id} moved on elsewhere; deciding again", session.Id);
                    if (attempt == 2) return false;
                }
            }
        }
        finally { session.Gate.Release(); }
        session.Notify();
        return true;
    }
}

/// <summary>The database refused a write for a reason other than a concurrent writer (a full disk, a read-only file).</summary>
public sealed class StorageFailedException(Exception inner) : Exception("storing the session failed", inner);

/// <summary>The interviewer's clock: every second, time-driven actions fall due in every open interview.</summary>
public sealed class InterviewClock(LiveInterviews interviews, ILogger<InterviewClock> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await interviews.TickAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "interview clock tick failed"); }
        }
    }
}
