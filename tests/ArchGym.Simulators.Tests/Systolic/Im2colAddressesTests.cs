using NUnit.Framework;
using ArchGym.Simulators.Systolic.Dataflows;
using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Tests.Systolic;

/// <summary>The ifmap footprint in closed form (touched rows x columns, overhang aliasing) against counting every im2col address.</summary>
[TestFixture]
public class Im2colAddressesTests
{
    [Test]
    public void DistinctAddressesMatchBruteForce()
    {
        var random = new Random(11);
        Assert.Multiple(() =>
        {
            for (int i = 0; i < 400; i++)
            {
                int fh = random.Next(1, 6), fw = random.Next(1, 6);
                var layer = new Layer("c", random.Next(fh, 20), random.Next(fw, 20), fh, fw, random.Next(1, 4), 2,
                    random.Next(1, 7), random.Next(1, 7));
                Assert.That(Im2colAddresses.DistinctAddresses(layer), Is.EqualTo(BruteForce(layer)),
                    $"{layer.IfmapHeight}x{layer.IfmapWidth} f {fh}x{fw} c {layer.Channels} s {layer.StrideHeight}x{layer.StrideWidth}");
            }
        });
    }

    [Test]
    public void TablesOnlyWhenPixelsRepeat()
    {
        Assert.That(Im2colAddresses.ForLayer(Layer.Gemm("g", 30, 20, 40)), Is.Null);
        Assert.That(Im2colAddresses.ForLayer(new Layer("1x1", 14, 14, 1, 1, 8, 4, 1, 1)), Is.Null);
        var overlapping = Im2colAddresses.ForLayer(new Layer("3x3", 10, 10, 3, 3, 2, 4, 1, 1));
        Assert.That(overlapping, Is.Not.Null);
        Assert.That(overlapping!.Distinct, Is.EqualTo(200));
        Assert.That(overlapping.Address(9, 7), Is.EqualTo(((1 + 1) * 10 + 1) * 2 + 1), "m = (1, 1), k = (fy 1, fx 0, c 1)");
    }

    private static long BruteForce(Layer layer)
    {
        var seen = new HashSet<long>();
        int ow = layer.OfmapWidth, c = layer.Channels, w = layer.IfmapWidth;
        for (long m = 0; m < layer.M; m++)
        for (long k = 0; k < layer.K; k++)
        {
            long windowBase = (m / ow * layer.StrideHeight * w + m % ow * layer.StrideWidth) * c;
            long offset = k / (layer.FilterWidth * c) * w * c + k % (layer.FilterWidth * c);
            seen.Add(windowBase + offset);
        }

        return seen.Count;
    }
}
