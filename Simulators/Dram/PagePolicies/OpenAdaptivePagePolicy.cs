namespace ArchGym.Simulators.Dram.PagePolicies;

/// <summary>
/// Open adaptive (DRAMSys BankMachineOpenAdaptive): keep the row open, unless another request waits
/// for the bank and none of them hits the open row (then close it now with RDA/WRA).
/// </summary>
internal sealed class OpenAdaptivePagePolicy : IPagePolicy
{
    public DramCommand ColumnCommand(bool isWrite, ReadOnlySpan<QueuedRequest> queue, int openRow, IScheduler scheduler) =>
        scheduler.HasFurtherRequest(queue) && !scheduler.HasFurtherRowHit(queue, openRow)
            ? PageCommands.AutoPrecharge(isWrite) : PageCommands.Plain(isWrite);
}
