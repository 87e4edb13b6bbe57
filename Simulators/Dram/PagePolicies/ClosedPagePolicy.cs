namespace ArchGym.Simulators.Dram.PagePolicies;

/// <summary>Closed page (DRAMSys BankMachineClosed): every access auto-precharges (RDA/WRA).</summary>
internal sealed class ClosedPagePolicy : IPagePolicy
{
    public DramCommand ColumnCommand(bool isWrite, ReadOnlySpan<QueuedRequest> queue, int openRow, IScheduler scheduler) =>
        PageCommands.AutoPrecharge(isWrite);
}
