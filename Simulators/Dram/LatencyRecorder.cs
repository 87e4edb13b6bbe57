namespace ArchGym.Simulators.Dram;

/// <summary>Collects read latencies (cycles) for mean and nearest-rank percentiles.</summary>
internal sealed class LatencyRecorder
{
    private long[] _values = new long[1024];
    private int _count;
    private long _sum;
    private bool _sorted;

    public void Add(long cycles)
    {
        if (_count == _values.Length) Array.Resize(ref _values, _values.Length * 2);
        _values[_count++] = cycles;
        _sum += cycles;
        _sorted = false;
    }

    public double Mean => _count == 0 ? 0 : (double)_sum / _count;

    /// <summary>Nearest-rank percentile, <paramref name="q"/> in (0, 1].</summary>
    public double Percentile(double q)
    {
        if (_count == 0) return 0;
        if (!_sorted) { Array.Sort(_values, 0, _count); _sorted = true; }
        int rank = (int)Math.Ceiling(q * _count);
        return _values[Math.Clamp(rank, 1, _count) - 1];
    }
}

/// <summary>
/// Counts a transaction as finished for the arbiter: at once (Simple/Fifo) or, for the Reorder arbiter,
/// only when every older transaction has answered too (responses go back to the initiator in order).
/// </summary>
internal sealed class InOrderRelease(bool inOrder)
{
    private readonly SortedSet<long> _done = [];
    private readonly Queue<long> _accepted = new();

    public void Accepted(long id) { if (inOrder) _accepted.Enqueue(id); }

    /// <summary>Returns how many transactions this response releases.</summary>
    public int Responded(long id)
    {
        if (!inOrder) return 1;
        _done.Add(id);
        int released = 0;
        while (_accepted.Count > 0 && _done.Remove(_accepted.Peek())) { _accepted.Dequeue(); released++; }
        return released;
    }
}
