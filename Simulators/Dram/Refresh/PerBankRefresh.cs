namespace ArchGym.Simulators.Dram.Refresh;

/// <summary>
/// Per-bank refresh (DRAMSys RefreshManagerPerBank; LPDDR4 REFpb, HBM2 REFSB): every tREFIpb one bank
/// not yet refreshed in this round is due, preferably an idle one; the budgets are RefreshMaxPostponed
/// and RefreshMaxPulledin times the banks of the rank. When every remaining bank is busy the refresh
/// is postponed, unless the budget is used up: then the first remaining bank is precharged and
/// refreshed (and only that bank machine blocked). The other banks keep working throughout.
/// </summary>
internal sealed class PerBankRefresh : IRefreshPolicy
{
    private readonly int _firstBank, _banks, _maxPostponed, _maxPulledin;
    private readonly long _interval;
    private readonly bool[] _done; // refreshed in this round
    private int _doneCount, _current, _flexibility;
    private long _trigger;
    private bool _pulledIn, _skipSelection;

    public PerBankRefresh(int rank, int banksPerRank, long tREFIpb, int ranks, int maxPostponed, int maxPulledin)
    {
        _firstBank = rank * banksPerRank; _banks = banksPerRank; _interval = tREFIpb;
        _maxPostponed = maxPostponed * banksPerRank; _maxPulledin = maxPulledin * banksPerRank;
        _done = new bool[banksPerRank];
        _trigger = RefreshTrigger.First(tREFIpb, rank, ranks);
    }

    public DramCommand? Command { get; private set; }
    public int Bank => _firstBank + _current;
    public long NextTrigger => _trigger;

    public void Evaluate(long now, IRankView view)
    {
        Command = null;
        if (now < _trigger) return;
        if (now >= _trigger + _interval) { _trigger += _interval; _pulledIn = false; }
        if (!_pulledIn)
        {
            bool forced = _flexibility == _maxPostponed, allBusy = true;
            if (!_skipSelection)
            {
                _current = FirstRemaining();
                int idle = FirstIdleRemaining(view);
                if (idle >= 0) { _current = idle; allBusy = false; }
            }
            if (allBusy && !forced)
            {
                _flexibility++;
                _trigger += _interval;
                return;
            }
            if (view.IsOpen(Bank)) Command = DramCommand.PRE;
            else
            {
                Command = DramCommand.REFPB;
                if (forced) { view.Block(Bank); _skipSelection = true; }
            }
            return;
        }
        int first = FirstIdleRemaining(view);
        if (first < 0)
        {
            _pulledIn = false;
            _trigger += _interval;
            return;
        }
        _current = first;
        Command = view.IsOpen(Bank) ? DramCommand.PRE : DramCommand.REFPB;
    }

    public void Issued(DramCommand command, int bank)
    {
        if (command != DramCommand.REFPB) return;
        _skipSelection = false;
        _done[_current] = true;
        if (++_doneCount == _banks) { Array.Clear(_done); _doneCount = 0; }
        _current = FirstRemaining();
        if (_pulledIn) _flexibility--;
        else _pulledIn = true;
        if (_flexibility == -_maxPulledin)
        {
            _pulledIn = false;
            _trigger += _interval;
        }
    }

    private int FirstRemaining()
    {
        for (int b = 0; b < _banks; b++) if (!_done[b]) return b;
        return 0;
    }

    private int FirstIdleRemaining(IRankView view)
    {
        for (int b = 0; b < _banks; b++)
            if (!_done[b] && view.IsIdle(_firstBank + b)) return b;
        return -1;
    }
}
