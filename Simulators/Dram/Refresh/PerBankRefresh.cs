namespace ArchGym.Simulators.Dram.Refresh;

/// <summary>
/// Per-bank refresh (DRAMSys RefreshManagerPerBank, LPDDR4 REFpb / HBM2 REFSB-style): one bank at a time
/// in round-robin order every tREFIpb, PRE first if that bank is open; the other banks keep working.
/// </summary>
internal sealed class PerBankRefresh(int rank, int banksPerRank, long tREFIpb, int maxPostponed, int maxPulledin) : IRefreshPolicy
{
    private readonly RefreshBudget _budget = new(tREFIpb, maxPostponed * banksPerRank, maxPulledin * banksPerRank);
    private int _next; // bank within the rank
    private bool _active;

    public long NextDue => _active ? long.MaxValue : _budget.NextDue;

    public DramCommand? Evaluate(long now, IRankView view, out int bank)
    {
        bank = rank * banksPerRank + _next;
        if (!_active && _budget.ShouldStart(now, view.HasRequests(rank))) _active = true;
        if (!_active) return null;
        return view.IsOpen(bank) ? DramCommand.PRE : DramCommand.REFPB;
    }

    public bool Blocks(int bank) => _active && bank == rank * banksPerRank + _next;

    public void Issued(DramCommand command, int bank, long now)
    {
        if (command != DramCommand.REFPB || bank != rank * banksPerRank + _next) return;
        _active = false;
        _next = (_next + 1) % banksPerRank;
        _budget.Refreshed();
    }
}
