namespace ArchGym.Proxies.Data;

/// <summary>Seeded train/test splits and k-fold partitions of row indices (same seed, same split).</summary>
public static class DataSplit
{
    /// <summary>A seeded permutation of 0..n-1 (Fisher-Yates).</summary>
    public static int[] Shuffle(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        var rng = new Random(seed);
        for (var i = n - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>Train and test indices (each ascending); the test part is round(n·fraction), at least 1 and at most n-1 when n ≥ 2.</summary>
    public static (int[] Train, int[] Test) TrainTest(int n, double testFraction, int seed)
    {
        if (testFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "the test fraction must lie in (0, 1)");
        if (n < 2) throw new ArgumentException($"a train/test split needs at least 2 rows, got {n}");
        var testCount = Math.Clamp((int)Math.Round(n * testFraction), 1, n - 1);
        var order = Shuffle(n, seed);
        return (order[testCount..].Order().ToArray(), order[..testCount].Order().ToArray());
    }

    /// <summary>k disjoint test folds covering every row once (sizes differ by at most one); fold f's training rows are the others.</summary>
    public static int[][] KFold(int n, int k, int seed)
    {
        if (k < 2 || k > n) throw new ArgumentOutOfRangeException(nameof(k), k, $"k-fold needs 2 <= k <= rows ({n})");
        var order = Shuffle(n, seed);
        return Enumerable.Range(0, k).Select(f => order.Where((_, i) => i % k == f).Order().ToArray()).ToArray();
    }

    /// <summary>The indices 0..n-1 not in <paramref name="fold"/>.</summary>
    public static int[] Complement(int n, IReadOnlyCollection<int> fold)
    {
        var set = fold as HashSet<int> ?? [.. fold];
        return Enumerable.Range(0, n).Where(i => !set.Contains(i)).ToArray();
    }
}
