namespace ArchGym.Simulators.Dram.Refresh;

/// <summary>No refresh at all (DRAMSys RefreshManagerDummy; ArchGym's default).</summary>
internal sealed class NoRefresh : IRefreshPolicy
{
    public DramCommand? Command => null;
    public int Bank => -1;
    public long NextTrigger => long.MaxValue;
    public void Evaluate(long now, IRankView view) { }
    public void Issued(DramCommand command, int bank) { }
}
