namespace ArchGym.Simulators.Dram;

/// <summary>
/// Responses of one channel (DRAMSys RespQueueFifo / RespQueueReorder). A response may begin once its
/// data strobe has ended. Fifo hands them out in column-command order; Reorder in acceptance order
/// (a finished response waits for every older request of the channel). A new response begins at
/// least <c>spacing</c> cycles after the previous one: the BEGIN_RESP/END_RESP handshake with the
/// initiator (1 cycle, plus the arbiter's backward delay) for the Simple arbiter, 0 for Fifo and
/// Reorder, which take every response at once.
/// </summary>
internal sealed class ResponseQueue(bool reorder, int spacing)
{
    private readonly Ring<(int Slot, long Time)> _ready = new();
    private readonly Ring<(int Slot, long DataEnd)> _pending = new(); // Reorder: by acceptance order, DataEnd < 0 = not yet
    private long _firstPendingId, _nextId, _last = long.MinValue / 2;

    /// <summary>The request got its per-channel sequence number (acceptance order); returns it.</summary>
    public long Accepted(int slot)
    {
        if (reorder) _pending.Enqueue((slot, -1));
        return _nextId++;
    }

    /// <summary>The column command of request <paramref name="sequence"/> ends its data at <paramref name="dataEnd"/>.</summary>
    public void DataDone(int slot, long sequence, long dataEnd)
    {
        if (!reorder) { Emit(slot, dataEnd); return; }
        _pending[(int)(sequence - _firstPendingId)].DataEnd = dataEnd;
        while (_pending.Count > 0 && _pending.Peek().DataEnd >= 0)
        {
            var done = _pending.Dequeue();
            _firstPendingId++;
            Emit(done.Slot, done.DataEnd);
        }
    }

    public bool TryPeek(out int slot, out long time)
    {
        if (_ready.Count > 0) { (slot, time) = _ready.Peek(); return true; }
        slot = -1; time = long.MaxValue; return false;
    }

    public void Pop() => _ready.Dequeue();

    public bool IsEmpty => _ready.Count == 0 && _pending.Count == 0;

    private void Emit(int slot, long dataEnd)
    {
        _last = Math.Max(dataEnd, _last + spacing);
        _ready.Enqueue((slot, _last));
    }
}
