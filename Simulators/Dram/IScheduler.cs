namespace ArchGym.Simulators.Dram;

/// <summary>
/// Chooses which buffered request a bank serves next and answers the page policies' look-ahead
/// questions (DRAMSys SchedulerIF: getNextRequest, hasFurtherRowHit, hasFurtherRequest). Stateless:
/// the bank's open row and the direction of the last column command are passed in.
/// </summary>
internal interface IScheduler
{
    /// <summary>Index into <paramref name="queue"/> (arrival order, non-empty) of the request to serve next.</summary>
    int Select(ReadOnlySpan<QueuedRequest> queue, bool bankOpen, int openRow, bool lastWasWrite);

    /// <summary>Whether another buffered request (besides the one being served) hits <paramref name="openRow"/>.</summary>
    bool HasFurtherRowHit(ReadOnlySpan<QueuedRequest> queue, int openRow);

    /// <summary>Whether another request waits for the bank (DRAMSys: at least two buffered).</summary>
    bool HasFurtherRequest(ReadOnlySpan<QueuedRequest> queue) => queue.Length >= 2;
}

internal static class SchedulerQueries
{
    /// <summary>FR-FCFS's hasFurtherRowHit: at least two buffered requests target the open row.</summary>
    public static bool TwoRowHits(ReadOnlySpan<QueuedRequest> queue, int openRow)
    {
        int hits = 0;
        foreach (ref readonly var r in queue)
            if (r.Row == openRow && ++hits == 2) return true;
        return false;
    }
}
