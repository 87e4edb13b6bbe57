namespace ArchGym.Simulators.Dram.Refresh;

/// <summary>All-bank refresh (DRAMSys RefreshManagerAllBank): block the rank, PREA if any bank is open, then REFAB (tRFC).</summary>
internal sealed class AllBankRefresh(int rank, int banksPerRank, long tREFI, int maxPostponed, int maxPulledin) : IRefreshPolicy
{
    private readonly RefreshBudget _budget = new(tREFI, maxPostponed, maxPulledin);
    private bool _active;

    public long NextDue => _active ? long.MaxValue : _budget.NextDue;

    public DramCommand? Evaluate(long now, IRankView view, out int bank)
    {
        bank = rank * banksPerRank;
        if (!_active && _budget.ShouldStart(now, view.HasRequests(rank))) _active = true;
        if (!_active) return null;
        for (int b = rank * banksPerRank, end = b + banksPerRank; b < end; b++)
            if (view.IsOpen(b)) return DramCommand.PREA;
        return DramCommand.REFAB;
    }

    public bool Blocks(int bank) => _active;

    public void Issued(DramCommand command, int bank, long now)
    {
        if (command != DramCommand.REFAB) return;
        _active = false;
        _budget.Refreshed();
    }
}
