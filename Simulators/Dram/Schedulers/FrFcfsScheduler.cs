namespace ArchGym.Simulators.Dram.Schedulers;

/// <summary>DRAMSys SchedulerFrFcfs (Rixner et al., ISCA 2000): the oldest row hit to the open row, else the oldest request.</summary>
internal sealed class FrFcfsScheduler : IScheduler
{
    public int Select(ReadOnlySpan<QueuedRequest> queue, bool bankOpen, int openRow, bool lastWasWrite)
    {
        if (bankOpen)
            for (int i = 0; i < queue.Length; i++)
                if (queue[i].Row == openRow) return i;
        return 0;
    }

    public bool HasFurtherRowHit(ReadOnlySpan<QueuedRequest> queue, int openRow) => SchedulerQueries.TwoRowHits(queue, openRow);
}
