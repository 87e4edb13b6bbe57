using System.Numerics;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// Read latencies (cycles) as a histogram, so memory stays bounded however long the trace: exact
/// counts per cycle below 2^16 cycles, and above that buckets of 1/256 of a power of two (values
/// within 0.4 %). Gives the exact mean and nearest-rank percentiles.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int ExactLimit = 1 << 16, SubBuckets = 256;
    private long[] _exact = new long[1024];
    private readonly long[] _coarse = new long[(64 - 16) * SubBuckets];
    private long _count, _sum;
    private long _max;

    public long Count => _count;
    public double Mean => _count == 0 ? 0 : (double)_sum / _count;

    public void Add(long cycles)
    {
        if (cycles < 0) cycles = 0;
        _count++; _sum += cycles;
        if (cycles > _max) _max = cycles;
        if (cycles < ExactLimit)
        {
            if (cycles >= _exact.Length) Array.Resize(ref _exact, (int)Math.Min(ExactLimit, BitOperations.RoundUpToPowerOf2((ulong)cycles + 1)));
            _exact[cycles]++;
            return;
        }
        _coarse[CoarseIndex(cycles)]++;
    }

    /// <summary>Nearest-rank percentile, <paramref name="q"/> in (0, 1]; 0 when empty.</summary>
    public double Percentile(double q)
    {
        if (_count == 0) return 0;
        long rank = Math.Clamp((long)Math.Ceiling(q * _count), 1, _count), seen = 0;
        for (int i = 0; i < _exact.Length; i++)
            if ((seen += _exact[i]) >= rank) return i;
        for (int i = 0; i < _coarse.Length; i++)
            if ((seen += _coarse[i]) >= rank) return Math.Min(CoarseValue(i), _max);
        return _max;
    }

    private static int CoarseIndex(long v)
    {
        int exponent = BitOperations.Log2((ulong)v); // >= 16
        int fraction = (int)((v >> (exponent - 8)) & (SubBuckets - 1));
        return (exponent - 16) * SubBuckets + fraction;
    }

    private static long CoarseValue(int index)
    {
        int exponent = index / SubBuckets + 16, fraction = index % SubBuckets;
        return (1L << exponent) + ((long)fraction << (exponent - 8));
    }
}
