namespace ArchGym.Simulators.Soc.Scheduling.Heft;

/// <summary>
/// Planned busy intervals of one PE, sorted by start, for HEFT's insertion policy (Topcuoglu et al. 2002, sec. 4.1:
/// the earliest idle slot, between two scheduled tasks, at least as long as the task). Each interval remembers its
/// owner (a task handle, or -1) so a plan can be enforced in order.
/// </summary>
public sealed class PeTimeline
{
    private readonly List<(double Start, double End, int Owner)> _busy = [];

    public IReadOnlyList<(double Start, double End, int Owner)> Busy => _busy;

    /// <summary>Earliest start &gt;= <paramref name="readyUs"/> of an idle gap that fits <paramref name="durationUs"/>.</summary>
    public double EarliestStart(double readyUs, double durationUs)
    {
        var candidate = readyUs;
        foreach (var (start, end, _) in _busy)
        {
            if (end <= candidate) continue;
            if (start - candidate >= durationUs) return candidate;
            candidate = Math.Max(candidate, end);
        }
        return candidate;
    }

    public void Reserve(double start, double end, int owner = -1)
    {
        var i = 0;
        while (i < _busy.Count && _busy[i].Start <= start) i++;
        _busy.Insert(i, (start, end, owner));
    }

    /// <summary>The owner of the non-empty interval planned right before the one starting at <paramref name="start"/>, or -1.</summary>
    public int OwnerBefore(double start, int owner)
    {
        var previous = -1;
        foreach (var b in _busy)
        {
            if (b.Owner == owner && b.Start == start) return previous;
            if (b.End > b.Start) previous = b.Owner;
        }
        return -1;
    }

    /// <summary>Forgets intervals that ended before <paramref name="nowUs"/>.</summary>
    public void Prune(double nowUs) => _busy.RemoveAll(b => b.End <= nowUs);
}
