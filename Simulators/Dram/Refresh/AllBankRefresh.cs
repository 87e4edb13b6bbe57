namespace ArchGym.Simulators.Dram.Refresh;

/// <summary>
/// All-bank refresh (DRAMSys RefreshManagerAllBank): every tREFI a REFAB is due. When the
/// postponement budget is used up the refresh is forced: all bank machines of the rank are blocked,
/// PREA closes open banks, then REFAB. Otherwise a due refresh is postponed (one more owed) while any
/// bank machine holds a request, and taken while the rank is idle; after a refresh further ones are
/// pulled in while the rank stays idle, up to the pull-in budget.
/// </summary>
internal sealed class AllBankRefresh(int rank, int banksPerRank, long tREFI, int ranks, int maxPostponed, int maxPulledin) : IRefreshPolicy
{
    private readonly int _firstBank = rank * banksPerRank;
    private long _trigger = RefreshTrigger.First(tREFI, rank, ranks);
    private int _flexibility; // > 0 postponed, < 0 pulled in
    private bool _pulledIn;

    public DramCommand? Command { get; private set; }
    public int Bank => _firstBank;
    public long NextTrigger => _trigger;

    public void Evaluate(long now, IRankView view)
    {
        Command = null;
        if (now < _trigger) return;
        if (now >= _trigger + tREFI) { _trigger += tREFI; _pulledIn = false; }
        if (!_pulledIn)
        {
            if (_flexibility == maxPostponed)
            {
                for (int b = _firstBank; b < _firstBank + banksPerRank; b++) view.Block(b);
            }
            else if (view.AnyBusy(rank))
            {
                _flexibility++;
                _trigger += tREFI;
                return;
            }
            Command = view.AnyOpen(rank) ? DramCommand.PREA : DramCommand.REFAB;
        }
        else if (view.AnyBusy(rank))
        {
            _pulledIn = false;
            _trigger += tREFI;
        }
        else Command = view.AnyOpen(rank) ? DramCommand.PREA : DramCommand.REFAB;
    }

    public void Issued(DramCommand command, int bank)
    {
        if (command != DramCommand.REFAB) return;
        if (_pulledIn) _flexibility--;
        else _pulledIn = true;
        if (_flexibility == -maxPulledin)
        {
            _pulledIn = false;
            _trigger += tREFI;
        }
    }
}
