using ArchGym.Simulators.Dram.Buffers;
using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// The memory controller of one channel, following DRAMSys's Controller::controllerMethod: accept a
/// request into the scheduler buffer, let the refresh managers and one bank machine per bank propose
/// their next command, issue the oldest ready one (CmdMux "Oldest"; refresh first) and hand finished
/// column commands to the response queue. Time advances by events: <see cref="NextEvent"/> is the
/// next cycle at which any proposal becomes legal.
/// </summary>
internal sealed class Controller : IRankView
{
    private readonly int _channel, _banks, _banksPerRank, _banksPerGroup, _groups;
    private readonly DramTiming _t;
    private readonly TimingModel _timing;
    private readonly IScheduler _scheduler;
    private readonly IPagePolicy _page;
    private readonly IRequestBuffer _buffer;
    private readonly IRefreshPolicy[] _refresh;
    private readonly RequestTable _requests;
    private readonly List<IssuedCommand>? _log;
    private readonly BankQueue[] _queues;
    private readonly int[] _pendingPerRank;
    private readonly bool[] _open;
    private readonly int[] _openRow, _current; // current = slot the bank machine works on, -1 if none
    private readonly bool[] _keep;              // DRAMSys keepTrans: stick to the request that caused the ACT
    private readonly DramCommand[] _cmd;
    private readonly long[] _cmdTime;           // long.MaxValue = no proposal
    private bool _lastWasWrite;

    public ResponseQueue Responses { get; }
    public CommandCounters Counters { get; }

    public Controller(int channel, DramStandard standard, ControllerConfig config, RequestTable requests, List<IssuedCommand>? log)
    {
        var o = standard.Organization;
        _channel = channel; _t = standard.Timing; _requests = requests; _log = log;
        _banks = o.BanksPerChannel; _banksPerRank = o.BanksPerRank; _banksPerGroup = o.BanksPerGroup; _groups = o.BankGroups;
        _timing = new TimingModel(standard);
        _scheduler = ControllerParts.Scheduler(config.Scheduler);
        _page = ControllerParts.PagePolicy(config.PagePolicy);
        _buffer = ControllerParts.Buffer(config, _banks);
        _refresh = new IRefreshPolicy[o.Ranks];
        for (int r = 0; r < o.Ranks; r++) _refresh[r] = ControllerParts.Refresh(config, standard, r);
        Responses = new ResponseQueue(config.RespQueue == RespQueueKind.Reorder);
        Counters = new CommandCounters(o.Ranks, _banksPerRank);
        _queues = new BankQueue[_banks];
        for (int b = 0; b < _banks; b++) _queues[b] = new BankQueue();
        _pendingPerRank = new int[o.Ranks];
        _open = new bool[_banks]; _keep = new bool[_banks];
        _openRow = new int[_banks]; _current = new int[_banks];
        _cmd = new DramCommand[_banks]; _cmdTime = new long[_banks];
        Array.Fill(_current, -1); Array.Fill(_cmdTime, long.MaxValue);
    }

    public bool IsOpen(int bank) => _open[bank];
    public bool HasRequests(int rank) => _pendingPerRank[rank] > 0;
    public bool HasBufferSpace => _buffer.HasSpace;
    public int TimingBurstCycles => _timing.BurstCycles;

    /// <summary>Stores a decoded request in the scheduler buffer (caller checked <see cref="HasBufferSpace"/>).</summary>
    public void Accept(int slot)
    {
        ref var r = ref _requests[slot];
        _queues[r.Bank].Add(new QueuedRequest(slot, r.Id, r.Row, r.IsWrite, r.Address));
        _buffer.Store(r.Bank, r.IsWrite);
        _pendingPerRank[r.Bank / _banksPerRank]++;
        Responses.Accepted(slot, r.Id);
        Evaluate(r.Bank);
    }

    /// <summary>Issues at most one command at <paramref name="now"/>; returns true when it was a column command.</summary>
    public bool Step(long now)
    {
        int chosenBank = -1; DramCommand chosen = default; long oldest = long.MaxValue;
        for (int r = 0; r < _refresh.Length && chosenBank < 0; r++)
        {
            var want = _refresh[r].Evaluate(now, this, out int rb);
            if (want is { } c && _timing.Earliest(c, rb) <= now) { chosen = c; chosenBank = rb; }
        }
        if (chosenBank < 0)
        {
            for (int b = 0; b < _banks; b++)
            {
                if (_cmdTime[b] > now || _refresh[b / _banksPerRank].Blocks(b)) continue;
                long id = _requests[_current[b]].Id;
                if (id < oldest) { oldest = id; chosenBank = b; chosen = _cmd[b]; }
            }
        }
        if (chosenBank < 0) return false;
        Issue(chosen, chosenBank, now);
        for (int b = 0; b < _banks; b++) Evaluate(b);
        return chosen.IsColumn();
    }

    /// <summary>The next cycle after <paramref name="now"/> at which <see cref="Step"/> may issue something.</summary>
    public long NextEvent(long now)
    {
        long next = long.MaxValue;
        for (int r = 0; r < _refresh.Length; r++)
        {
            var want = _refresh[r].Evaluate(now, this, out int rb);
            next = Math.Min(next, want is { } c ? _timing.Earliest(c, rb) : _refresh[r].NextDue);
        }
        for (int b = 0; b < _banks; b++)
            if (_cmdTime[b] != long.MaxValue && !_refresh[b / _banksPerRank].Blocks(b)) next = Math.Min(next, _cmdTime[b]);
        return Math.Max(next, now + 1);
    }

    public void FinishBackground(long end) => Counters.CloseAll(end);

    // Bank machine (DRAMSys BankMachine::evaluate): pick a request, then ACT / PRE / column command.
    private void Evaluate(int bank)
    {
        var queue = _queues[bank].Items;
        if (queue.Length == 0) { _cmdTime[bank] = long.MaxValue; _current[bank] = -1; return; }
        var pick = queue[_scheduler.Select(queue, _open[bank], _openRow[bank], _lastWasWrite)];
        if (!_keep[bank] || pick.Row == _openRow[bank]) _current[bank] = pick.Slot;
        ref var cur = ref _requests[_current[bank]];
        var cmd = !_open[bank] ? DramCommand.ACT
            : cur.Row != _openRow[bank] ? DramCommand.PRE
            : _page.ColumnCommand(cur.IsWrite, queue, _openRow[bank]);
        _cmd[bank] = cmd;
        _cmdTime[bank] = _timing.Earliest(cmd, bank);
    }

    private void Issue(DramCommand cmd, int bank, long now)
    {
        int rank = bank / _banksPerRank;
        _timing.Issue(cmd, bank, now);
        Counters.Count(cmd, bank, now, _t);
        int row = cmd == DramCommand.ACT || cmd.IsColumn() ? _requests[_current[bank]].Row : cmd == DramCommand.PRE ? _openRow[bank] : -1;
        _log?.Add(new IssuedCommand(now, cmd, _channel, rank, bank % _banksPerRank / _banksPerGroup, bank, row));
        switch (cmd)
        {
            case DramCommand.ACT:
                _open[bank] = true; _openRow[bank] = row; _keep[bank] = true;
                _requests[_current[bank]].NeededActivate = true;
                break;
            case DramCommand.PRE:
                _open[bank] = false; _keep[bank] = false;
                break;
            case DramCommand.PREA:
                for (int b = rank * _banksPerRank, end = b + _banksPerRank; b < end; b++) { _open[b] = false; _keep[b] = false; }
                break;
            case DramCommand.RD or DramCommand.RDA or DramCommand.WR or DramCommand.WRA:
                int slot = _current[bank];
                ref var r = ref _requests[slot];
                _queues[bank].RemoveSlot(slot);
                _buffer.Remove(bank, r.IsWrite);
                _pendingPerRank[rank]--;
                _keep[bank] = false; _current[bank] = -1;
                if (cmd.HasAutoPrecharge()) _open[bank] = false;
                _lastWasWrite = r.IsWrite;
                long dataEnd = now + (r.IsWrite ? _t.CWL : _t.CL) + _timing.BurstCycles;
                Counters.Column(!r.NeededActivate);
                Responses.DataDone(slot, r.Id, dataEnd);
                break;
        }
        _refresh[rank].Issued(cmd, bank, now);
    }
}
