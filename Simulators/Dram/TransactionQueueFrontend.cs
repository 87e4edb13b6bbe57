namespace ArchGym.Simulators.Dram;

/// <summary>
/// DRAMsim3's front end (Controller::AddTransaction / ScheduleTransaction, TraceBasedCpu): the
/// player adds at most one request per cycle, at its timestamp or as soon as the channel's
/// transaction queue (<see cref="ControllerConfig.TransactionQueueSize"/> entries) has room; latency
/// counts from then. Each cycle, after the controller's command, the oldest queued request whose
/// bank has buffer space (the per-bank command queue) moves into the controller, so one full bank
/// does not block the others. Responses return as soon as their data ends.
/// </summary>
internal sealed class TransactionQueueFrontend(RequestSource source, ControllerConfig config, Controller[] channels, RequestTable requests) : IFrontend
{
    private readonly int[][] _queues = Enumerable.Range(0, channels.Length).Select(_ => new int[config.TransactionQueueSize]).ToArray();
    private readonly int[] _counts = new int[channels.Length];
    private readonly long[] _lastMove = Enumerable.Repeat(long.MinValue, channels.Length).ToArray();
    private int _pending = -1;
    private long _pendingCycle, _lastAdd = long.MinValue / 2, _inFlight;

    public long Reads => source.Reads;
    public long Writes => source.Writes;
    public bool Done => source.Exhausted && _pending < 0 && _inFlight == 0;

    public void BeforeCommands(long now)
    {
        if (_pending < 0 && source.TryFetch(out _pending, out _pendingCycle)) _inFlight++;
        if (_pending < 0 || _lastAdd >= now || Math.Max(_pendingCycle, _lastAdd + 1) > now) return;
        int ch = requests[_pending].Channel;
        if (_counts[ch] == _queues[ch].Length) return;
        requests[_pending].BeginCycle = now;
        _queues[ch][_counts[ch]++] = _pending;
        _lastAdd = now;
        _pending = -1;
        if (source.TryFetch(out _pending, out _pendingCycle)) _inFlight++;
    }

    public void AfterColumnCommand(int channel, long now) { }

    public void AfterCommands(long now)
    {
        for (int ch = 0; ch < channels.Length; ch++)
        {
            if (_lastMove[ch] >= now) continue;
            var queue = _queues[ch];
            for (int i = 0; i < _counts[ch]; i++)
            {
                ref var r = ref requests[queue[i]];
                if (!channels[ch].HasBufferSpaceFor(r.Bank, r.IsWrite)) continue;
                channels[ch].Accept(queue[i]);
                Array.Copy(queue, i + 1, queue, i, _counts[ch] - i - 1);
                _counts[ch]--;
                _lastMove[ch] = now;
                break;
            }
        }
    }

    public void Responded(int slot, long time) => _inFlight--;

    public long NextEvent(long now)
    {
        long next = long.MaxValue;
        if (_pending >= 0 && _counts[requests[_pending].Channel] < _queues[requests[_pending].Channel].Length)
            next = Math.Max(_pendingCycle, _lastAdd + 1);
        for (int ch = 0; ch < channels.Length; ch++)
            for (int i = 0; i < _counts[ch]; i++)
            {
                ref var r = ref requests[_queues[ch][i]];
                if (channels[ch].HasBufferSpaceFor(r.Bank, r.IsWrite)) { next = now + 1; break; }
            }
        return Math.Max(next, now + 1);
    }
}
