namespace ArchGym.Agents.Grid;

/// <summary>
/// A seeded pseudo-random bijection of [0, n) in O(1) memory, so a grid of millions of points can be
/// visited in shuffled order without materialising it: a four-round balanced Feistel network on the
/// smallest even bit width covering n, with cycle walking (Black &amp; Rogaway 2002) to stay below n.
/// </summary>
public sealed class FeistelPermutation
{
    private const int Rounds = 4;
    private readonly long _n;
    private readonly int _halfBits;
    private readonly ulong _mask;
    private readonly ulong[] _keys = new ulong[Rounds];

    public FeistelPermutation(long n, Random rng)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n));
        _n = n;
        var bits = 1;
        while (bits < 63 && (1L << bits) < n) bits++;
        _halfBits = (bits + 1) / 2;
        _mask = (1UL << _halfBits) - 1;
        for (var r = 0; r < Rounds; r++) _keys[r] = (ulong)rng.NextInt64();
    }

    /// <summary>The image of <paramref name="index"/>; distinct indices map to distinct images in [0, n).</summary>
    public long this[long index]
    {
        get
        {
            if (index < 0 || index >= _n) throw new ArgumentOutOfRangeException(nameof(index));
            var x = (ulong)index;
            do x = Encrypt(x);
            while (x >= (ulong)_n);
            return (long)x;
        }
    }

    private ulong Encrypt(ulong x)
    {
        var left = x >> _halfBits;
        var right = x & _mask;
        for (var r = 0; r < Rounds; r++) (left, right) = (right, left ^ (Mix(right ^ _keys[r]) & _mask));
        return (left << _halfBits) | right;
    }

    // SplitMix64's finaliser (Steele, Lea & Flood 2014): a cheap, well-spread round function.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
