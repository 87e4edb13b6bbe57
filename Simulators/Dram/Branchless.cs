using System.Runtime.CompilerServices;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// Max and min of cycle times without a jump. The controller compares the legal times of unrelated
/// banks, whose order a branch predictor cannot learn on random traffic, and Math.Max/Min compile to
/// a conditional jump; these use the sign of the difference instead (same results).
/// </summary>
internal static class Branchless
{
    // Exact while a - b does not overflow: cycle times lie in [long.MinValue / 4, TimingModel.Never].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Max(long a, long b)
    {
        long d = a - b;
        return a - (d & (d >> 63));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Min(long a, long b)
    {
        long d = a - b;
        return b + (d & (d >> 63));
    }
}
