using System.Collections.Concurrent;

namespace BugTrail.Web.Services;

/// <summary>
/// Failed sign-ins per client address within a sliding window, in bounded memory: above <see cref="MaxAddresses"/>
/// addresses, those with no failure left in the window are forgotten.
/// </summary>
public sealed class AddressFailures(int limit, TimeSpan window)
{
    public const int MaxAddresses = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    public int Remembered => failures.Count;

    /// <summary>Whether this address has used up its failures for now.</summary>
    public bool Throttled(string address, DateTimeOffset now)
    {
        if (failures.Count > MaxAddresses) Forget(now);
        if (!failures.TryGetValue(address, out var queue)) return false;
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() > window) queue.Dequeue();
            return queue.Count >= limit;
        }
    }

    public void Record(string address, DateTimeOffset now)
    {
        var queue = failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (queue) queue.Enqueue(now);
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (address, queue) in failures)
            lock (queue)
                if (queue.Count == 0 || now - queue.Last() > window) failures.TryRemove(address, out _);
    }
}
