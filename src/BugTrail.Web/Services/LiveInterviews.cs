using System.Collections.Concurrent;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Database;

namespace BugTrail.Web.Services;

/// <summary>
/// The interviews in progress. Each is loaded from its stored log on first use (so a restarted server
/// resumes where it stopped); every change is committed to the database before anyone is told of it.
/// </summary>
public sealed class LiveInterviews(SessionRepository repository, ScenarioCatalog catalog, TimeProvider clock, ILogger<LiveInterviews> log)
{
    private readonly ConcurrentDictionary<Guid, Live> live = new();

    public sealed class Live(Guid id, InterviewKind kind, Interview interview, int stored)
    {
        public Guid Id { get; } = id;
        /// <summary>Practice: the automated interviewer answers. Interview: a person does, with the automated one as copilot.</summary>
        public InterviewKind Kind { get; } = kind;
        public Interview Interview { get; set; } = interview;
        public int Stored { get; set; } = stored;
        public SemaphoreSlim Gate { get; } = new(1, 1);
        /// <summary>When the last few messages came, for the rate limit.</summary>
        public Queue<DateTimeOffset> Recent { get; } = new();
        public event Action? Changed;
        public void Notify() => Changed?.Invoke();
    }

    public async Task<Live> OpenAsync(Guid id, CancellationToken cancel = default)
    {
        if (live.TryGetValue(id, out var existing)) return existing;
        var record = await repository.FindAsync(id, cancel) ?? throw new KeyNotFoundException($"no session {id}");
        var stored = await repository.LoadAsync(id, cancel);
        var opened = new Live(id, record.Kind, Interview.Resume(stored, catalog.Get), stored.Count);
        return live.GetOrAdd(id, opened);
    }

    public IEnumerable<Live> Open => live.Values;

    /// <summary>At most this many candidate messages in <see cref="RateWindow"/>: faster than anyone types, slower than a script flooding the room.</summary>
    public const int RateLimit = 8;
    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(10);

    /// <summary>The candidate says something. Returns false (and changes nothing) when it is refused.</summary>
    public async Task<string?> SayAsync(Live session, string text, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow();
        lock (session.Recent)
        {
            while (session.Recent.Count > 0 && now - session.Recent.Peek() > RateWindow) session.Recent.Dequeue();
            if (session.Recent.Count >= RateLimit) return "You're sending messages very fast; please wait a few seconds.";
            session.Recent.Enqueue(now);
        }
        Action<Interview> say = session.Kind == InterviewKind.Practice ? i => i.Say(text, now) : i => i.Hear(text, now);
        return await ChangeAsync(session, say, cancel) ? null : "The interview has ended.";
    }

    /// <summary>The interviewer notes something, or overrides the evaluation (both only in the log, never in the room).</summary>
    public Task<bool> NoteAsync(Live session, string text, string by) =>
        ChangeAsync(session, i => i.Note(text, by, clock.GetUtcNow()), CancellationToken.None, evenWhenEnded: true);

    public Task<bool> OverrideAsync(Live session, BugTrail.Core.Evaluation.Override correction, string by) =>
        ChangeAsync(session, i => i.Override(correction, by, clock.GetUtcNow()), CancellationToken.None, evenWhenEnded: true);

    /// <summary>The room noticed something for the integrity log.</summary>
    public Task<bool> ObserveAsync(Live session, string kind, string detail, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow();
        return ChangeAsync(session, i => i.Observe(kind, detail, now), cancel);
    }

    /// <summary>The interviewer (a person) takes an action.</summary>
    public Task<bool> ActAsync(Live session, BugTrail.Core.Policy.InterviewerAction action, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow();
        return ChangeAsync(session, i => i.Act(action, now), cancel);
    }

    /// <summary>Lets the clock run for every open interview (check-ins, hints, cuts fall due on their own).</summary>
    public async Task TickAsync(CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow();
        foreach (var session in live.Values.Where(s => !s.Interview.State.Ended))
        {
            // A person interviewing decides for themselves; their console shows what has fallen due.
            if (session.Kind == InterviewKind.Practice) await ChangeAsync(session, i => i.AdvanceTo(now), cancel);
            else session.Notify();
        }
    }

    private async Task<bool> ChangeAsync(Live session, Action<Interview> change, CancellationToken cancel, bool evenWhenEnded = false)
    {
        await session.Gate.WaitAsync(cancel);
        try
        {
            if (session.Interview.State.Ended && !evenWhenEnded) return false;
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var before = session.Interview.Log.Count;
                change(session.Interview);
                var added = session.Interview.Log.Skip(before).ToList();
                if (added.Count == 0) return true;
                try
                {
                    await repository.AppendAsync(session.Id, session.Stored, added, session.Interview.State.Ended, cancel);
                    session.Stored += added.Count;
                    break;
                }
                catch (ConcurrentAppendException)
                {
                    // Someone else (the interviewer's console, another server) appended first: take theirs and decide again.
                    log.LogInformation("session {Id} moved on elsewhere; reloading", session.Id);
                    var stored = await repository.LoadAsync(session.Id, cancel);
                    session.Interview = Interview.Resume(stored, catalog.Get);
                    session.Stored = stored.Count;
                }
            }
        }
        finally { session.Gate.Release(); }
        session.Notify();
        return true;
    }
}

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
