namespace ArchGym.Simulators.Dram.PagePolicies;

/// <summary>Open page (DRAMSys BankMachineOpen): rows stay open until a miss (or refresh) forces a precharge.</summary>
internal sealed class OpenPagePolicy : IPagePolicy
{
    public DramCommand ColumnCommand(bool isWrite, ReadOnlySpan<QueuedRequest> queue, int openRow, IScheduler scheduler) =>
        PageCommands.Plain(isWrite);
}
