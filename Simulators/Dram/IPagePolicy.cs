namespace ArchGym.Simulators.Dram;

/// <summary>
/// Row-buffer policy (DRAMSys BankMachine variants): for a row hit, whether the column command closes
/// the row with auto-precharge (RDA/WRA) or leaves it open (RD/WR). Misses always PRE then ACT.
/// </summary>
internal interface IPagePolicy
{
    /// <param name="isWrite">direction of the request being served.</param>
    /// <param name="queue">all requests buffered for the bank, including the one being served.</param>
    /// <param name="openRow">the open row.</param>
    /// <param name="scheduler">answers the look-ahead questions the adaptive policies ask.</param>
    DramCommand ColumnCommand(bool isWrite, ReadOnlySpan<QueuedRequest> queue, int openRow, IScheduler scheduler);
}

internal static class PageCommands
{
    public static DramCommand Plain(bool isWrite) => isWrite ? DramCommand.WR : DramCommand.RD;
    public static DramCommand AutoPrecharge(bool isWrite) => isWrite ? DramCommand.WRA : DramCommand.RDA;
}
