using NUnit.Framework;
using ArchGym.Simulators.Systolic.Memory;

namespace ArchGym.Simulators.Tests.Systolic;

/// <summary>The first index no boxed interval covers, against checking every index.</summary>
[TestFixture]
public class UncoveredSearchTests
{
    [Test]
    public void FirstUncoveredMatchesBruteForce()
    {
        var random = new Random(5);
        Assert.Multiple(() =>
        {
            for (int trial = 0; trial < 3000; trial++)
            {
                int rows = random.Next(1, 12), cols = random.Next(1, 9), inner = random.Next(1, 4);
                long extent = (long)rows * cols * inner;
                var covers = new UncoveredSearch.Cover[random.Next(0, 8)];
                for (int i = 0; i < covers.Length; i++)
                {
                    long lo = random.Next(-5, (int)extent), hi = lo + random.Next(0, (int)extent + 5);
                    // Mostly wide boxes (as shifts are), so whole runs of rows are covered and skipped.
                    int r0 = random.Next(0, 3), r1 = rows - random.Next(0, 3), c0 = random.Next(0, 2), c1 = cols - random.Next(0, 2);
                    covers[i] = new UncoveredSearch.Cover(lo, hi, r0, r1, c0, c1);
                }

                long start = random.Next(0, (int)extent + 1), limit = random.Next((int)start, (int)extent + 1);
                Assert.That(UncoveredSearch.First(covers, cols, inner, start, limit), Is.EqualTo(BruteForce(covers, cols, inner, start, limit)),
                    $"trial {trial}");
            }
        });
    }

    private static long BruteForce(UncoveredSearch.Cover[] covers, long cols, long inner, long start, long limit)
    {
        for (long x = start; x < limit; x++)
        {
            long row = x / (cols * inner), col = x / inner % cols;
            if (!covers.Any(c => x >= c.Lo && x < c.Hi && row >= c.R0 && row < c.R1 && col >= c.C0 && col < c.C1)) return x;
        }

        return limit;
    }
}
