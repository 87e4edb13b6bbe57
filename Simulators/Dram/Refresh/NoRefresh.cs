namespace ArchGym.Simulators.Dram.Refresh;

/// <summary>No refresh at all (DRAMSys RefreshManagerDummy; ArchGym's default).</summary>
internal sealed class NoRefresh : IRefreshPolicy
{
    public long NextDue => long.MaxValue;
    public DramCommand? Evaluate(long now, IRankView view, out int bank) { bank = -1; return null; }
    public bool Blocks(int bank) => false;
    public void Issued(DramCommand command, int bank, long now) { }
}
