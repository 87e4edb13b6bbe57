namespace ArchGym.Simulators.Dram.PagePolicies;

/// <summary>Open adaptive (DRAMSys): keep the row open unless another request waits for the bank and none of them hits the open row.</summary>
internal sealed class OpenAdaptivePagePolicy : IPagePolicy
{
    public DramCommand ColumnCommand(bool isWrite, ReadOnlySpan<QueuedRequest> queue, int openRow) =>
        queue.Length >= 2 && !PageQueries.FurtherRowHit(queue, openRow) ? PageQueries.AutoPrecharge(isWrite) : PageQueries.Plain(isWrite);
}
