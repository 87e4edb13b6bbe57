namespace ArchGym.Simulators.Dram.Schedulers;

/// <summary>
/// DRAMSys SchedulerFrFcfsGrp: FR-FCFS that, among row hits, prefers the direction of the last column
/// command (grouping reads and writes to save bus turnarounds), unless an older hit to the same
/// address would be overtaken (read-after-write hazard); else the oldest hit, else the oldest request.
/// </summary>
internal sealed class FrFcfsGrpScheduler : IScheduler
{
    public int Select(ReadOnlySpan<QueuedRequest> queue, bool bankOpen, int openRow, bool lastWasWrite)
    {
        if (!bankOpen) return 0;
        int firstHit = -1;
        for (int i = 0; i < queue.Length; i++)
        {
            if (queue[i].Row != openRow) continue;
            if (firstHit < 0) firstHit = i;
            if (queue[i].IsWrite == lastWasWrite && !OlderHitToSameAddress(queue, i, openRow)) return i;
        }
        return firstHit < 0 ? 0 : firstHit;
    }

    public bool HasFurtherRowHit(ReadOnlySpan<QueuedRequest> queue, int openRow) => SchedulerQueries.TwoRowHits(queue, openRow);

    private static bool OlderHitToSameAddress(ReadOnlySpan<QueuedRequest> queue, int index, int openRow)
    {
        for (int j = 0; j < index; j++)
            if (queue[j].Row == openRow && queue[j].Address == queue[index].Address) return true;
        return false;
    }
}
