namespace ArchGym.Simulators.Soc.Scheduling.Heft;

/// <summary>Busy intervals of one PE, kept sorted, for HEFT's insertion policy (Topcuoglu et al. 2002, sec. 4.1).</summary>
public sealed class PeTimeline
{
    private readonly List<(double Start, double End)> _busy = [];

    public IReadOnlyList<(double Start, double End)> Busy => _busy;

    /// <summary>Earliest start &gt;= <paramref name="readyUs"/> of an idle gap that fits <paramref name="durationUs"/>.</summary>
    public double EarliestStart(double readyUs, double durationUs)
    {
        var candidate = readyUs;
        foreach (var (start, end) in _busy)
        {
            if (end <= candidate) continue;
            if (start - candidate >= durationUs) return candidate;
            candidate = Math.Max(candidate, end);
        }
        return candidate;
    }

    public void Reserve(double start, double end)
    {
        var i = 0;
        while (i < _busy.Count && _busy[i].Start < start) i++;
        _busy.Insert(i, (start, end));
    }

    /// <summary>Forgets intervals that ended before <paramref name="nowUs"/>.</summary>
    public void Prune(double nowUs) => _busy.RemoveAll(b => b.End <= nowUs);
}
