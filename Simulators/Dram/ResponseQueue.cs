namespace ArchGym.Simulators.Dram;

/// <summary>
/// Responses of one channel (DRAMSys RespQueueFifo / RespQueueReorder). Fifo returns them in column-command
/// order; Reorder holds a finished response until every older request of the channel has answered.
/// At most one response begins per cycle (the BEGIN_RESP/END_RESP handshake). Produced responses are
/// handed out in non-decreasing time order through <see cref="TryPeek"/> / <see cref="Pop"/>.
/// </summary>
internal sealed class ResponseQueue(bool reorder)
{
    private readonly Queue<(int Slot, long Id)> _accepted = new();   // Reorder: arrival order
    private readonly Dictionary<long, long> _finished = new();       // Reorder: id -> data end
    private readonly Queue<(int Slot, long Time)> _ready = new();
    private long _last = long.MinValue;

    public void Accepted(int slot, long id)
    {
        if (reorder) _accepted.Enqueue((slot, id));
    }

    public void DataDone(int slot, long id, long dataEnd)
    {
        if (!reorder) { Emit(slot, dataEnd); return; }
        _finished[id] = dataEnd;
        while (_accepted.Count > 0 && _finished.Remove(_accepted.Peek().Id, out var end))
            Emit(_accepted.Dequeue().Slot, end);
    }

    public bool TryPeek(out int slot, out long time)
    {
        if (_ready.TryPeek(out var r)) { slot = r.Slot; time = r.Time; return true; }
        slot = -1; time = long.MaxValue; return false;
    }

    public void Pop() => _ready.Dequeue();

    private void Emit(int slot, long dataEnd)
    {
        _last = Math.Max(dataEnd, _last + 1);
        _ready.Enqueue((slot, _last));
    }
}
