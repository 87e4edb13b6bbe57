namespace ArchGym.Simulators.Dram.PagePolicies;

/// <summary>Closed adaptive (DRAMSys): auto-precharge unless another buffered request hits the open row.</summary>
internal sealed class ClosedAdaptivePagePolicy : IPagePolicy
{
    public DramCommand ColumnCommand(bool isWrite, ReadOnlySpan<QueuedRequest> queue, int openRow) =>
        PageQueries.FurtherRowHit(queue, openRow) ? PageQueries.Plain(isWrite) : PageQueries.AutoPrecharge(isWrite);
}
