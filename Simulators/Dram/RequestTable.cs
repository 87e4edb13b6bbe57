namespace ArchGym.Simulators.Dram;

/// <summary>One in-flight request.</summary>
internal struct RequestSlot
{
    public long Id;          // arrival order at the front end (payload ID)
    public long Sequence;    // acceptance order at its channel (DRAMSys channel payload ID)
    public ulong Address;
    public bool IsWrite;
    public bool NeededActivate;
    public int Channel, Bank, Row;
    public long BeginCycle;  // REQ.begin at the controller (latency start)
}

/// <summary>Pool of request slots reused through a free list (no allocation once warmed up; size = requests in flight).</summary>
internal sealed class RequestTable
{
    private RequestSlot[] _slots = new RequestSlot[256];
    private int[] _free = new int[256];
    private int _freeCount, _used;

    public ref RequestSlot this[int slot] => ref _slots[slot];

    public int Allocate()
    {
        if (_freeCount > 0) return _free[--_freeCount];
        if (_used == _slots.Length) Array.Resize(ref _slots, _slots.Length * 2);
        return _used++;
    }

    public void Release(int slot)
    {
        if (_freeCount == _free.Length) Array.Resize(ref _free, _free.Length * 2);
        _free[_freeCount++] = slot;
    }
}
