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

    /// <summary>The shifts valid for (m, k) name exactly the im2col elements that read the same address.</summary>
    [Test]
    public void PixelShiftsNameEveryReaderOfAPixel()
    {
        var random = new Random(12);
        Assert.Multiple(() =>
        {
            for (int i = 0; i < 150; i++)
            {
                int fh = random.Next(1, 5), fw = random.Next(1, 5);
                var layer = new Layer("c", random.Next(fh, 12), random.Next(fw, 12), fh, fw, random.Next(1, 4), 2,
                    random.Next(1, 4), random.Next(1, 4));
                var addresses = Im2colAddresses.ForLayer(layer);
                if (addresses is null) continue;
                var shifts = new PixelShifts(layer);
                var readers = new Dictionary<int, HashSet<(long, long)>>();
                for (long m = 0; m < layer.M; m++)
                for (long k = 0; k < layer.K; k++)
                {
                    int address = addresses.Address(m, k);
                    if (!readers.TryGetValue(address, out var set)) readers[address] = set = [];
                    set.Add((m, k));
                }

                for (int probe = 0; probe < 40; probe++)
                {
                    long m = random.NextInt64(layer.M), k = random.NextInt64(layer.K);
                    Assert.That(Readers(shifts, layer, m, k), Is.EquivalentTo(readers[addresses.Address(m, k)]),
                        $"layer {i} ({layer.IfmapHeight}x{layer.IfmapWidth} f {fh}x{fw} s {layer.StrideHeight}x{layer.StrideWidth}) m {m} k {k}");
                }
            }
        });
    }

    private static List<(long, long)> Readers(PixelShifts shifts, Layer layer, long m, long k)
    {
        long oy = m / layer.OfmapWidth, ox = m % layer.OfmapWidth;
        long fy = k / (layer.FilterWidth * layer.Channels), fx = k % (layer.FilterWidth * layer.Channels) / layer.Channels;
        return shifts.All
            .Where(s => oy >= s.OyLo && oy < s.OyHi && ox >= s.OxLo && ox < s.OxHi && fy >= s.FyLo && fy < s.FyHi && fx >= s.FxLo && fx < s.FxHi)
            .Select(s => (m + s.DeltaM, k - s.DeltaK)).ToList();
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
