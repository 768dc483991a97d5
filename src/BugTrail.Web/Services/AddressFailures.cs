using System.Collections.Concurrent;

namespace BugTrail.Web.Services;

/// <summary>
/// Failed sign-ins per client address within a sliding window, in bounded memory: above <see cref="MaxAddresses"/>
/// addresses, those with no failure left in the window are forgotten, then those whose last failure is oldest.
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

    private DateTimeOffset lastForgot = DateTimeOffset.MinValue;

    /// <summary>
    /// Forgets addresses with nothing left in the window, at most every ten seconds; if a scan keeps more than the bound
    /// inside the window, the addresses whose last failure is oldest go too, so memory stays bounded whatever the scan.
    /// </summary>
    private void Forget(DateTimeOffset now)
    {
        lock (failures)
        {
            if (now - lastForgot < TimeSpan.FromSeconds(10)) return;
            lastForgot = now;
        }
        var last = new List<(string Address, DateTimeOffset Last)>();
        foreach (var (address, queue) in failures)
            lock (queue)
            {
                if (queue.Count == 0 || now - queue.Last() > window) failures.TryRemove(address, out _);
                else last.Add((address, queue.Last()));
            }
        if (last.Count > MaxAddresses)
            foreach (var (address, _) in last.OrderBy(x => x.Last).Take(last.Count - MaxAddresses * 9 / 10)) failures.TryRemove(address, out _);
    }
}
