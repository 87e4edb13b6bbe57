using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Pim.Commands;

/// <summary>
/// All-bank refresh as events on a channel's timeline. A REF falls due every tREFI; the first one at tREFI/2
/// (the refresh timer's phase relative to a kernel start is uniform, we take its mean; DRAMSim2 staggers its
/// two ranks the same way). A refresh that falls inside a kernel stalls it by the JEDEC recovery
/// tRP (close the open rows) + tRFC + tRCD (reopen), and the stalled kernel runs longer, so it may meet the next.
/// </summary>
internal struct RefreshClock(DramTiming timing)
{
    private long _nextDue = timing.REFI / 2;

    /// <summary>Cycles one refresh costs a running kernel.</summary>
    public readonly long PenaltyCycles => timing.RP + timing.RFC + timing.RCD;

    /// <summary>Refreshes done so far.</summary>
    public long Count { get; private set; }

    /// <summary>
    /// Runs a kernel of <paramref name="bodyCycles"/> starting at <paramref name="start"/>; returns the refreshes it met
    /// (its duration is body + refreshes x <see cref="PenaltyCycles"/>).
    /// </summary>
    public long Run(long start, long bodyCycles)
    {
        long refreshes = 0, end = start + bodyCycles;
        while (_nextDue < end)
        {
            refreshes++;
            end += PenaltyCycles;
            _nextDue += timing.REFI;
        }
        Count += refreshes;
        return refreshes;
    }

    /// <summary>Lets idle time pass (no kernel running): due refreshes happen in the gap without stalling anything.</summary>
    public void Idle(long until)
    {
        while (_nextDue < until)
        {
            Count++;
            _nextDue += timing.REFI;
        }
    }
}
