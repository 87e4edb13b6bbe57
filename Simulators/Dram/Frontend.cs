namespace ArchGym.Simulators.Dram;

/// <summary>
/// DRAMSys's front end for one trace player: the player (RequestIssuer/StlPlayer) sends request i at
/// max(its timestamp, END_REQ of request i-1). Arbiter Simple passes it straight to its channel's
/// controller (ArbitrationDelayFw later), so the player waits for the controller's END_REQ
/// (back-pressure). Arbiters Fifo and Reorder answer END_REQ at once while fewer than
/// MaxActiveTransactions are active, queue the request per channel and hand it to the controller
/// when the previous one got its END_REQ (a cycle after it); a transaction stays active until the
/// player's END_RESP, one cycle after the arbiter passes the response on, which it does at most
/// every second cycle (Reorder: in request order). The controller sees a request ThinkDelayFw after
/// its BEGIN_REQ and accepts it when the scheduler buffer has space.
/// </summary>
internal sealed class Frontend(RequestSource source, ControllerConfig config, Controller[] channels, RequestTable requests) : IFrontend
{
    private readonly bool _simple = config.Arbiter == ArbiterKind.Simple, _inOrder = config.Arbiter == ArbiterKind.Reorder;
    private readonly int _think = config.ThinkDelayFwCycles, _delayFw = config.ArbitrationDelayFwCycles, _delayBw = config.ArbitrationDelayBwCycles;
    private readonly int[] _presented = Filled(channels.Length, -1);
    private readonly long[] _arrival = new long[channels.Length], _endReq = Filled(channels.Length, long.MinValue / 2L);
    private readonly Ring<(int Slot, long Ready)>[] _queues = Enumerable.Range(0, channels.Length).Select(_ => new Ring<(int, long)>()).ToArray();
    private readonly Ring<long> _releases = new();       // END_RESP times at the player (Fifo/Reorder)
    private readonly ReorderWindow _window = new();      // Reorder: response arrival times by request id
    private int _pending = -1, _active;
    private long _pendingCycle, _playerEndReq, _inFlight, _lastToPlayer = long.MinValue / 2;
    private bool _awaitingEndReq, _waitingForSlot;

    public long Reads => source.Reads;
    public long Writes => source.Writes;
    public bool Done => source.Exhausted && _pending < 0 && _inFlight == 0;

    public void BeforeCommands(long now) => Advance(now);

    public void AfterCommands(long now) { }

    // Player and arbiter progress at `now`, then acceptance with END_REQ now; repeated until nothing moves.
    private void Advance(long now)
    {
        bool moved;
        do
        {
            moved = _simple ? SendSimple(now) : SendQueued(now);
            for (int ch = 0; ch < channels.Length; ch++) moved |= TryAccept(ch, now, now);
        } while (moved);
    }

    /// <summary>A column command freed buffer space: accept a waiting request with END_REQ ThinkDelayFw later.</summary>
    public void AfterColumnCommand(int channel, long now)
    {
        if (TryAccept(channel, now, now + _think)) Advance(now);
    }

    /// <summary>Request <paramref name="slot"/> began its response at the controller at <paramref name="time"/>.</summary>
    public void Responded(int slot, long time)
    {
        _inFlight--;
        if (_simple) return;
        long id = requests[slot].Id, arrival = time + _delayBw;
        if (!_inOrder) { ToPlayer(arrival); return; }
        _window.Set(id, arrival);
        while (_window.TryTakeNext(out long a)) ToPlayer(a);
    }

    /// <summary>The next cycle after <paramref name="now"/> at which the front end does something by itself.</summary>
    public long NextEvent(long now)
    {
        long next = long.MaxValue;
        if (_pending >= 0 && !_awaitingEndReq && !_waitingForSlot) next = Math.Max(_pendingCycle, _playerEndReq);
        if (_releases.Count > 0) next = Math.Min(next, _releases.Peek());
        for (int ch = 0; ch < channels.Length; ch++)
        {
            if (_presented[ch] >= 0 && _arrival[ch] > now) next = Math.Min(next, _arrival[ch]);
            if (_presented[ch] < 0 && _queues[ch].Count > 0) next = Math.Min(next, _queues[ch].Peek().Ready);
        }
        return Math.Max(next, now + 1);
    }

    private bool SendSimple(long now)
    {
        if (!Fetch() || _awaitingEndReq || Math.Max(_pendingCycle, _playerEndReq) > now) return false;
        ref var r = ref requests[_pending];
        Present(r.Channel, _pending, Math.Max(_pendingCycle, _playerEndReq) + _delayFw);
        _awaitingEndReq = true;
        _pending = -1;
        return true;
    }

    private bool SendQueued(long now)
    {
        bool moved = false;
        while (_releases.Count > 0 && _releases.Peek() <= now)
        {
            long release = _releases.Dequeue();
            if (_waitingForSlot) { Queue(release); _waitingForSlot = false; } // the waiting BEGIN_REQ takes the slot
            else _active--;
            moved = true;
        }
        while (Fetch() && !_waitingForSlot && Math.Max(_pendingCycle, _playerEndReq) <= now)
        {
            if (_active == config.MaxActiveTransactions) { _waitingForSlot = true; break; }
            _active++;
            Queue(Math.Max(_pendingCycle, _playerEndReq));
            moved = true;
        }
        for (int ch = 0; ch < channels.Length; ch++)
        {
            if (_presented[ch] >= 0 || _queues[ch].Count == 0 || _queues[ch].Peek().Ready > now) continue;
            var (slot, ready) = _queues[ch].Dequeue();
            Present(ch, slot, ready > _endReq[ch] ? ready : _endReq[ch] + 1); // one cycle after the last END_REQ
            moved = true;
        }
        return moved;
    }

    // The arbiter accepted the pending request at `endReq` (END_REQ to the player) and queues it.
    private void Queue(long endReq)
    {
        _playerEndReq = endReq;
        _queues[requests[_pending].Channel].Enqueue((_pending, endReq + _delayFw));
        _pending = -1;
    }

    private void Present(int ch, int slot, long beginReq)
    {
        requests[slot].BeginCycle = beginReq;
        _presented[ch] = slot;
        _arrival[ch] = beginReq + _think;
    }

    private bool TryAccept(int ch, long now, long endReq)
    {
        int slot = _presented[ch];
        if (slot < 0 || _arrival[ch] > now || !channels[ch].HasBufferSpace) return false;
        channels[ch].Accept(slot);
        _presented[ch] = -1;
        _endReq[ch] = endReq;
        if (_simple) { _playerEndReq = endReq; _awaitingEndReq = false; }
        return true;
    }

    // Fifo/Reorder: the arbiter passes a response to the player at most every second cycle; END_RESP a cycle later frees the slot.
    private void ToPlayer(long arrival)
    {
        _lastToPlayer = Math.Max(arrival, _lastToPlayer + 2);
        _releases.Enqueue(_lastToPlayer + 1);
    }

    private bool Fetch()
    {
        if (_pending >= 0) return true;
        if (!source.TryFetch(out _pending, out _pendingCycle)) return false;
        _inFlight++;
        return true;
    }

    private static T[] Filled<T>(int n, T value) { var a = new T[n]; Array.Fill(a, value); return a; }
}

/// <summary>Arrival times of responses by request id, released in id order (DRAMSys ArbiterReorder).</summary>
internal sealed class ReorderWindow
{
    private long[] _times = Fill(new long[16]);
    private long _next; // id of _times[_head]
    private int _head;

    public void Set(long id, long time)
    {
        while (id - _next >= _times.Length) Grow();
        _times[(int)((_head + (id - _next)) & (_times.Length - 1))] = time;
    }

    public bool TryTakeNext(out long time)
    {
        time = _times[_head];
        if (time < 0) return false;
        _times[_head] = -1;
        _head = (_head + 1) & (_times.Length - 1);
        _next++;
        return true;
    }

    private void Grow()
    {
        var bigger = Fill(new long[_times.Length * 2]);
        for (int i = 0; i < _times.Length; i++) bigger[i] = _times[(_head + i) & (_times.Length - 1)];
        _times = bigger;
        _head = 0;
    }

    private static long[] Fill(long[] a) { Array.Fill(a, -1); return a; }
}
