namespace ArchGym.Simulators.Dram;

/// <summary>A request waiting in a bank's scheduler buffer: its global slot, arrival order (Id), row and direction.</summary>
internal readonly record struct QueuedRequest(int Slot, long Id, int Row, bool IsWrite, ulong Address);

/// <summary>A growable arrival-ordered list of the requests buffered for one bank (small; removal shifts).</summary>
internal sealed class BankQueue
{
    private QueuedRequest[] _items = new QueuedRequest[8];
    public int Count { get; private set; }
    public ReadOnlySpan<QueuedRequest> Items => _items.AsSpan(0, Count);

    public void Add(in QueuedRequest r)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = r;
    }

    public void RemoveSlot(int slot)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_items[i].Slot != slot) continue;
            Array.Copy(_items, i + 1, _items, i, Count - i - 1);
            Count--;
            return;
        }
    }
}
