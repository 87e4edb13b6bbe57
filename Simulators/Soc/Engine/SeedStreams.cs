namespace ArchGym.Simulators.Soc.Engine;

/// <summary>
/// Independent random streams of one run derived from its seed (SplitMix64), so that e.g. the random scheduler's draws
/// do not shift the arrival process: DS3 likewise draws inter-arrivals from <c>random</c> and the job mix from
/// <c>numpy.random</c>, both seeded with the iteration.
/// </summary>
internal static class SeedStreams
{
    public const int Arrivals = 1, JobMix = 2, Scheduler = 3;

    public static Random Create(int seed, int stream)
    {
        var z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return new Random(unchecked((int)z));
    }
}
