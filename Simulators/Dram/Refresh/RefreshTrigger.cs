namespace ArchGym.Simulators.Dram.Refresh;

/// <summary>
/// DRAMSys RefreshManagerIF::getTimeForFirstTrigger: ranks refresh staggered in bit-reversed order,
/// rank r first at interval - reverse(r) x interval / ranks (rank 0 after one full interval).
/// </summary>
internal static class RefreshTrigger
{
    public static long First(long interval, int rank, int ranks)
    {
        int bits = 0;
        for (int shift = ranks; (shift >>= 1) != 0;) bits++;
        int reversed = 0;
        for (int i = 0; i < bits; i++)
            if ((rank & (1 << i)) != 0) reversed |= 1 << (bits - 1 - i);
        return interval - (long)reversed * interval / ranks;
    }
}
