using NUnit.Framework;
using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Tests.Systolic;

/// <summary>The diagonal lattice counts behind every closed form, against counting points.</summary>
[TestFixture]
public class LatticeCountTests
{
    [Test]
    public void BelowCountsPointsUnderTheDiagonal()
    {
        for (int h = 1; h < 9; h++)
        for (int w = 1; w < 9; w++)
        for (int y = -2; y < h + w + 2; y++)
        {
            int count = 0;
            for (int a = 0; a < h; a++)
            for (int b = 0; b < w; b++)
                if (a + b <= y) count++;
            Assert.That(LatticeCount.Below(h, w, y), Is.EqualTo(count), $"{h}x{w} y {y}");
        }
    }

    [Test]
    public void FirstReachingInvertsBelow()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 4000; trial++)
        {
            long h = random.Next(1, 3000), w = random.Next(1, 300);
            if (trial % 2 == 0) (h, w) = (w, h);
            long count = random.NextInt64(1, h * w + 1), y = LatticeCount.FirstReaching(h, w, count);
            Assert.That(LatticeCount.Below(h, w, y), Is.GreaterThanOrEqualTo(count), $"{h}x{w} count {count}");
            Assert.That(LatticeCount.Below(h, w, y - 1), Is.LessThan(count), $"{h}x{w} count {count}");
        }
    }
}
