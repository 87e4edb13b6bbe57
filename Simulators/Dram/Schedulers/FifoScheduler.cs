namespace ArchGym.Simulators.Dram.Schedulers;

/// <summary>
/// DRAMSys SchedulerFifo: each bank serves its oldest request, row hit or not; its look-ahead only
/// sees the next request in line (a further row hit means the second-oldest request hits the row).
/// </summary>
internal sealed class FifoScheduler : IScheduler
{
    public int Select(ReadOnlySpan<QueuedRequest> queue, bool bankOpen, int openRow, bool lastWasWrite) => 0;

    public bool HasFurtherRowHit(ReadOnlySpan<QueuedRequest> queue, int openRow) => queue.Length >= 2 && queue[1].Row == openRow;
}
