namespace ArchGym.Simulators.Dram.PagePolicies;

/// <summary>Closed adaptive (DRAMSys BankMachineClosedAdaptive): auto-precharge unless another buffered request hits the open row.</summary>
internal sealed class ClosedAdaptivePagePolicy : IPagePolicy
{
    public DramCommand ColumnCommand(bool isWrite, ReadOnlySpan<QueuedRequest> queue, int openRow, IScheduler scheduler) =>
        scheduler.HasFurtherRowHit(queue, openRow) ? PageCommands.Plain(isWrite) : PageCommands.AutoPrecharge(isWrite);
}
