using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Pim.Baselines;

/// <summary>
/// A plain (non-PIM) DRAM channel streaming consecutive addresses. Consecutive bursts interleave over banks and
/// bank groups (PIMSimulator's Scheme8: channel, bank, bank group are the lowest address bits) and the scheduler
/// serves the queue out of order, so column commands go out every max(BL/2, tCCD_S) and row opens hide behind the
/// other banks' bursts; a stream costs tRCD + (n - 1) x that + the read (CL) or write (CWL) latency and burst.
/// </summary>
internal static class StreamingBaseline
{
    public static long ReadCycles(DramStandard channel, long bursts) => Cycles(channel, bursts, channel.Timing.CL);

    public static long WriteCycles(DramStandard channel, long bursts) => Cycles(channel, bursts, channel.Timing.CWL);

    /// <summary>Bursts of <paramref name="bytes"/> spread evenly over <paramref name="channels"/> channels (the busiest channel).</summary>
    public static long BurstsPerChannel(long bytes, int burstBytes, int channels) =>
        (bytes + (long)burstBytes * channels - 1) / ((long)burstBytes * channels);

    private static long Cycles(DramStandard channel, long bursts, int latency)
    {
        if (bursts <= 0) return 0;
        int burst = channel.Organization.BurstCycles;
        var t = channel.Timing;
        return t.RCD + (bursts - 1) * Math.Max(burst, t.CCD_S) + latency + burst;
    }
}
