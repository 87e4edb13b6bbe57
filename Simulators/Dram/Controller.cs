using System.Numerics;
using ArchGym.Simulators.Dram.Buffers;
using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// The memory controller of one channel, following DRAMSys's Controller::controllerMethod: requests
/// wait in the scheduler buffer; one bank machine per bank picks a request (scheduler) and proposes
/// ACT, PRE or a column command (page policy); the refresh managers propose PREA/PRE/REF; the
/// command multiplexer (CmdMux Oldest) issues, per cycle, the proposal that can finish first
/// (earliest legal time + command length), ties to the oldest request, refresh first. Finished column
/// commands go to the response queue. Time advances by events: <see cref="NextEvent"/> is the next
/// cycle at which a proposal becomes legal. Bank machines are re-evaluated only when their inputs
/// change, legal times are recomputed only after a command was issued.
/// </summary>
internal sealed class Controller : IRankView
{
    private readonly int _channel, _banks, _banksPerRank, _banksPerGroup;
    private readonly DramTiming _t;
    private readonly TimingModel _timing;
    private readonly IScheduler _scheduler;
    private readonly bool _directionMatters; // FrFcfsGrp looks at the last column command's direction
    private readonly IPagePolicy _page;
    private readonly IRequestBuffer _buffer;
    private readonly IRefreshPolicy[] _refresh;
    private readonly RequestTable _requests;
    private readonly List<IssuedCommand>? _log;
    private readonly BankQueue[] _queues;
    private readonly bool[] _open, _keep, _blocked;
    private readonly int[] _openRow, _current, _openPerRank, _busyPerRank, _rankOf;
    private readonly CommandMux _mux;
    private readonly int _readDelay, _writeDelay;
    private readonly bool _refreshes;
    private ulong _dirty; // banks whose bank machine must be re-evaluated (at most 64 banks: see CommandMux)
    private bool _lastWasWrite;

    public Controller(int channel, DramStandard standard, DramConfig config, RequestTable requests, List<IssuedCommand>? log)
    {
        var o = standard.Organization;
        var c = config.Controller;
        _channel = channel; _t = standard.Timing; _requests = requests; _log = log;
        _banks = o.BanksPerChannel; _banksPerRank = o.BanksPerRank; _banksPerGroup = o.BanksPerGroup;
        _timing = new TimingModel(standard, config.TimingMode);
        _scheduler = ControllerParts.Scheduler(c.Scheduler);
        _directionMatters = c.Scheduler == SchedulerKind.FrFcfsGrp;
        _page = ControllerParts.PagePolicy(c.PagePolicy);
        _buffer = ControllerParts.Buffer(c, _banks);
        _refresh = new IRefreshPolicy[o.Ranks];
        for (int r = 0; r < o.Ranks; r++) _refresh[r] = ControllerParts.Refresh(c, standard, r);
        _refreshes = c.RefreshPolicy != RefreshPolicyKind.NoRefresh;
        int spacing = c.Arbiter == ArbiterKind.Simple && c.TransactionQueueSize == 0 ? 1 + c.ArbitrationDelayBwCycles : 0;
        Responses = new ResponseQueue(c.RespQueue == RespQueueKind.Reorder, spacing);
        Counters = new CommandCounters(o.Ranks, _banksPerRank, standard.Timing);
        int bw = c.PhyDelayFwCycles + c.PhyDelayBwCycles + c.ThinkDelayBwCycles;
        _readDelay = _t.CL + _timing.BurstCycles + bw; _writeDelay = _t.CWL + _timing.BurstCycles + bw;
        _queues = new BankQueue[_banks];
        for (int b = 0; b < _banks; b++) _queues[b] = new BankQueue();
        _open = new bool[_banks]; _keep = new bool[_banks]; _blocked = new bool[_banks];
        _openRow = new int[_banks]; _current = new int[_banks];
        var cc = standard.CommandCycles;
        _mux = new CommandMux(_timing, _banks, uniformLength: cc.Act == cc.Rd && cc.Pre == cc.Rd && cc.Wr == cc.Rd && cc.Ref == cc.Rd);
        _rankOf = new int[_banks];
        for (int b = 0; b < _banks; b++) _rankOf[b] = b / _banksPerRank;
        _openPerRank = new int[o.Ranks]; _busyPerRank = new int[o.Ranks];
        Array.Fill(_current, -1);
    }

    public ResponseQueue Responses { get; }
    public CommandCounters Counters { get; }
    /// <summary>When the last issued command finished (DRAMSys's last phase end).</summary>
    public long LastCommandEnd { get; private set; }
    public bool HasBufferSpace => _buffer.HasSpace;
    public bool HasBufferSpaceFor(int bank, bool isWrite) => _buffer.HasSpaceFor(bank, isWrite);

    bool IRankView.IsOpen(int bank) => _open[bank];
    bool IRankView.AnyOpen(int rank) => _openPerRank[rank] > 0;
    bool IRankView.IsIdle(int bank) => _current[bank] < 0;
    bool IRankView.AnyBusy(int rank) => _busyPerRank[rank] > 0;
    void IRankView.Block(int bank) { _blocked[bank] = true; _mux.Withdraw(bank); }

    /// <summary>Stores a decoded request in the scheduler buffer (caller checked <see cref="HasBufferSpace"/>).</summary>
    public void Accept(int slot)
    {
        ref var r = ref _requests[slot];
        _queues[r.Bank].Add(new QueuedRequest(slot, r.Id, r.Row, r.IsWrite, r.Address));
        _buffer.Store(r.Bank, r.IsWrite);
        r.Sequence = Responses.Accepted(slot);
        MarkDirty(r.Bank);
    }

    /// <summary>Issues at most one command at <paramref name="now"/>; returns true when it was a column command.</summary>
    public bool Step(long now)
    {
        EvaluateDirty();
        long refreshKey = long.MaxValue, refreshTime = 0;
        int refreshRank = -1;
        for (int r = 0; _refreshes && r < _refresh.Length; r++) _refresh[r].Evaluate(now, this);
        for (int r = 0; _refreshes && r < _refresh.Length; r++)
        {
            if (_refresh[r].Command is not { } c) continue;
            long t = Math.Max(now, _timing.Earliest(c, _refresh[r].Bank)), key = t + _timing.Length(c);
            if (key < refreshKey) { refreshKey = key; refreshTime = t; refreshRank = r; }
        }
        int bank = _mux.Select(now, refreshKey, out long legalAt);
        if (bank >= 0)
        {
            if (legalAt != now) return false;
            var cmd = _mux.Proposal(bank);
            Issue(cmd, bank, now, fromRefresh: false);
            return cmd.IsColumn();
        }
        if (refreshRank < 0 || refreshTime != now) return false;
        Issue(_refresh[refreshRank].Command!.Value, _refresh[refreshRank].Bank, now, fromRefresh: true);
        return false;
    }

    /// <summary>The next cycle after <paramref name="now"/> at which <see cref="Step"/> may issue something.</summary>
    public long NextEvent(long now)
    {
        EvaluateDirty();
        long next = long.MaxValue;
        for (int r = 0; _refreshes && r < _refresh.Length; r++) _refresh[r].Evaluate(now, this); // DRAMSys step (6)
        for (int r = 0; _refreshes && r < _refresh.Length; r++)
            next = Math.Min(next, _refresh[r].Command is { } c ? _timing.Earliest(c, _refresh[r].Bank) : _refresh[r].NextTrigger);
        return Math.Max(Math.Min(next, _mux.MinEarliest()), now + 1);
    }

    public void FinishBackground(long end) => Counters.CloseAll(end);

    private void MarkDirty(int bank)
    {
        _dirty |= 1UL << bank;
    }

    private void EvaluateDirty()
    {
        while (_dirty != 0) // in bank order
        {
            int b = BitOperations.TrailingZeroCount(_dirty);
            _dirty &= _dirty - 1;
            Evaluate(b);
        }
    }

    // Bank machine (DRAMSys BankMachine::evaluate): pick a request, then ACT / PRE / column command.
    private void Evaluate(int bank)
    {
        _mux.Withdraw(bank);
        if (_blocked[bank]) return;
        var queue = _queues[bank].Items;
        if (queue.Length == 0) return;
        var pick = queue[_scheduler.Select(queue, _open[bank], _openRow[bank], _lastWasWrite)];
        if (!_keep[bank] || pick.Row == _openRow[bank]) SetCurrent(bank, pick.Slot);
        ref var cur = ref _requests[_current[bank]];
        var cmd = !_open[bank] ? DramCommand.ACT
            : cur.Row != _openRow[bank] ? DramCommand.PRE
            : _page.ColumnCommand(cur.IsWrite, queue, _openRow[bank], _scheduler);
        _mux.Propose(bank, cmd, cur.Id);
    }

    private void SetCurrent(int bank, int slot)
    {
        int rank = _rankOf[bank];
        if (_current[bank] < 0 && slot >= 0) _busyPerRank[rank]++;
        else if (_current[bank] >= 0 && slot < 0) _busyPerRank[rank]--;
        _current[bank] = slot;
    }

    private void Issue(DramCommand cmd, int bank, long now, bool fromRefresh)
    {
        int rank = _rankOf[bank];
        LastCommandEnd = Math.Max(LastCommandEnd, _timing.Issue(cmd, bank, now));
        _mux.TimingChanged(cmd, bank);
        Counters.Count(cmd, bank, now);
        int row = fromRefresh ? (cmd == DramCommand.PRE ? _openRow[bank] : -1)
            : cmd == DramCommand.PRE ? _openRow[bank] : _requests[_current[bank]].Row;
        _log?.Add(new IssuedCommand(now, cmd, _channel, rank, bank % _banksPerRank / _banksPerGroup, bank, row));
        switch (cmd)
        {
            case DramCommand.ACT:
                _open[bank] = true; _openRow[bank] = row; _keep[bank] = true; _openPerRank[rank]++;
                _requests[_current[bank]].NeededActivate = true;
                break;
            case DramCommand.PRE:
                Close(bank, rank);
                break;
            case DramCommand.PREA:
                for (int b = rank * _banksPerRank, end = b + _banksPerRank; b < end; b++) { Close(b, rank); MarkDirty(b); }
                break;
            case DramCommand.REFAB:
                for (int b = rank * _banksPerRank, end = b + _banksPerRank; b < end; b++) { _blocked[b] = false; MarkDirty(b); }
                break;
            case DramCommand.REFPB:
                _blocked[bank] = false;
                break;
            default:
                Served(cmd, bank, rank, now);
                break;
        }
        MarkDirty(bank);
        _refresh[rank].Issued(cmd, bank);
    }

    // A column command: the request leaves the buffer and its response is scheduled.
    private void Served(DramCommand cmd, int bank, int rank, long now)
    {
        int slot = _current[bank];
        ref var r = ref _requests[slot];
        _queues[bank].RemoveSlot(slot);
        _buffer.Remove(bank, r.IsWrite);
        _keep[bank] = false;
        SetCurrent(bank, -1);
        if (cmd.HasAutoPrecharge()) Close(bank, rank);
        if (_directionMatters && _lastWasWrite != r.IsWrite)
            for (int b = 0; b < _banks; b++) MarkDirty(b);
        _lastWasWrite = r.IsWrite;
        Counters.Column(!r.NeededActivate);
        Responses.DataDone(slot, r.Sequence, now + (r.IsWrite ? _writeDelay : _readDelay));
    }

    private void Close(int bank, int rank)
    {
        _keep[bank] = false;
        if (!_open[bank]) return;
        _open[bank] = false;
        _openPerRank[rank]--;
    }
}
