namespace ArchGym.Simulators.Soc.Engine;

internal enum EventKind : byte { Arrival, Finish, Wake, Ready }

/// <summary>
/// Binary min-heap of simulation events ordered by (time, insertion sequence): events of one instant are handled in
/// the order they were scheduled, like SimPy's event ids. Struct entries, no allocation after growth.
/// </summary>
internal sealed class EventQueue
{
    private struct Entry
    {
        public double TimeUs;
        public long Seq;
        public int Arg;
        public EventKind Kind;
    }

    private Entry[] _heap = new Entry[64];
    private long _seq;

    public int Count { get; private set; }

    public double PeekTimeUs => _heap[0].TimeUs;

    public void Push(double timeUs, EventKind kind, int arg)
    {
        if (Count == _heap.Length) Array.Resize(ref _heap, Count * 2);
        var e = new Entry { TimeUs = timeUs, Seq = _seq++, Arg = arg, Kind = kind };
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Less(e, _heap[parent])) break;
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = e;
    }

    public (EventKind Kind, int Arg) Pop()
    {
        var top = _heap[0];
        var last = _heap[--Count];
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= Count) break;
            if (child + 1 < Count && Less(_heap[child + 1], _heap[child])) child++;
            if (!Less(_heap[child], last)) break;
            _heap[i] = _heap[child];
            i = child;
        }
        if (Count > 0) _heap[i] = last;
        return (top.Kind, top.Arg);
    }

    private static bool Less(in Entry a, in Entry b) => a.TimeUs < b.TimeUs || (a.TimeUs == b.TimeUs && a.Seq < b.Seq);
}
