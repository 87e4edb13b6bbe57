using NUnit.Framework;
using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Systolic.Dataflows;
using ArchGym.Simulators.Systolic.Memory;
using ArchGym.Simulators.Tests.Systolic.PerLine;
using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Tests.Systolic;

/// <summary>
/// The library's event-driven memory model against the original per-line walk (PerLine/, kept here as
/// the oracle) on seeded random layers and configurations: tiny SRAMs force window slides, jumps,
/// drains and stalls; every field of the outcome (cycles, stalls, DRAM words and start/stop cycles)
/// must be identical.
/// </summary>
[TestFixture]
public class EventPathMatchesPerLineTests
{
    private static IEnumerable<TestCaseData> SmallBatches() =>
        Enumerable.Range(0, 40).Select(b => new TestCaseData(b * 1000, 25, false).SetName($"Small_{b:D2}"));

    private static IEnumerable<TestCaseData> MediumBatches() =>
        Enumerable.Range(0, 8).Select(b => new TestCaseData(500_000 + b * 1000, 6, true).SetName($"Medium_{b}"));

    /// <summary>Overlapping windows only, with SRAMs below the footprint: the repeated-pixel paths of both modes.</summary>
    private static IEnumerable<TestCaseData> RepeatBatches() =>
        Enumerable.Range(0, 16).Select(b => new TestCaseData(900_000 + b * 1000, 12, false).SetName($"Repeats_{b:D2}"));

    [TestCaseSource(nameof(SmallBatches))]
    [TestCaseSource(nameof(MediumBatches))]
    public void SameOutcomeAsPerLineWalk(int firstSeed, int cases, bool medium)
    {
        Assert.Multiple(() =>
        {
            for (int seed = firstSeed; seed < firstSeed + cases; seed++)
            {
                var random = new Random(seed);
                var (config, layer) = medium ? RandomMedium(random) : RandomSmall(random);
                var (expected, actual) = Both(config, layer);
                Assert.That(actual, Is.EqualTo(expected), $"seed {seed}: {Describe(config, layer)}");
            }
        });
    }

    [TestCaseSource(nameof(RepeatBatches))]
    public void SameOutcomeWithRepeatedPixels(int firstSeed, int cases, bool unused)
    {
        Assert.Multiple(() =>
        {
            for (int seed = firstSeed; seed < firstSeed + cases; seed++)
            {
                var (config, layer) = RandomRepeats(new Random(seed));
                var (expected, actual) = Both(config, layer);
                Assert.That(actual, Is.EqualTo(expected), $"seed {seed}: {Describe(config, layer)}");
            }
        });
    }

    /// <summary>Bigger layers (up to ResNet-like 3x3 convolutions) on 4..64-wide arrays: slow (the per-line walk), run on demand.</summary>
    [Test, Explicit("slow: minutes of per-line walking")]
    public void SameOutcomeOnLargerLayers([Values(0, 1, 2, 3)] int batch)
    {
        Assert.Multiple(() =>
        {
            for (int seed = 700_000 + batch * 100; seed < 700_000 + batch * 100 + 25; seed++)
            {
                var r = new Random(seed);
                int[] edges = [4, 8, 16, 32, 64], kbs = [1, 2, 4, 8, 16, 32, 64];
                var config = new SystolicConfig(edges[r.Next(edges.Length)], edges[r.Next(edges.Length)], (Dataflow)r.Next(3),
                    kbs[r.Next(kbs.Length)], kbs[r.Next(kbs.Length)], kbs[r.Next(kbs.Length)],
                    r.Next(2) == 0 ? BandwidthMode.Calc : BandwidthMode.User, 1 << r.Next(0, 7));
                int f = r.Next(1, 4) * 2 - 1, size = r.Next(f + 6, 60);
                var layer = new Layer("c", size, size, f, f, 16 * r.Next(1, 9), 32 * r.Next(1, 5), r.Next(1, 3), r.Next(1, 3));
                var (expected, actual) = Both(config, layer);
                Assert.That(actual, Is.EqualTo(expected), $"seed {seed}: {Describe(config, layer)}");
            }
        });
    }

    /// <summary>Real ResNet-18 layers on small arrays with small SRAMs, both modes: slow, run on demand.</summary>
    [Test, Explicit("slow: minutes of per-line walking")]
    public void SameOutcomeOnResNet18Layers([Values("os", "ws", "is")] string dataflow, [Values(BandwidthMode.User, BandwidthMode.Calc)] BandwidthMode mode)
    {
        var layers = DnnCatalog.Get("resnet18").Layers;
        Assert.Multiple(() =>
        {
            foreach (var (rows, cols, kb, bw) in new[] { (8, 8, 8, 4), (16, 8, 32, 16), (8, 32, 64, 2) })
            foreach (var layer in layers.Where((_, i) => i % 3 == 0))
            {
                var config = new SystolicConfig(rows, cols, DataflowNames.Parse(dataflow), kb, kb, kb / 2, mode, bw);
                var (expected, actual) = Both(config, layer);
                Assert.That(actual, Is.EqualTo(expected), $"{layer.Name}: {Describe(config, layer)}");
            }
        });
    }

    /// <summary>A hand-picked stall-heavy case: the comparison must be able to fail on a real difference.</summary>
    [Test]
    public void ComparisonSeesStallsAndTraffic()
    {
        var config = new SystolicConfig(4, 3, Dataflow.WeightStationary, 1, 1, 1, BandwidthMode.User, 2);
        var (expected, actual) = Both(config, new Layer("c", 9, 9, 3, 3, 4, 5, 1, 1));
        Assert.That(expected.StallCycles, Is.GreaterThan(0));
        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(actual with { StallCycles = actual.StallCycles + 1 }, Is.Not.EqualTo(expected));
    }

    internal static (MemoryOutcome Expected, MemoryOutcome Actual) Both(SystolicConfig config, Layer layer)
    {
        var plan = new FoldPlan(config, layer);
        var streams = DataflowStreams.For(plan);
        var repeats = Im2colAddresses.ForLayer(layer);
        return (PerLineMemorySimulation.Run(config, plan, streams, repeats), MemorySimulation.Run(config, plan, streams, repeats));
    }

    internal static (SystolicConfig, Layer) RandomSmall(Random r)
    {
        int[] kbs = [1, 1, 2, 3, 4, 8, 64];
        var config = new SystolicConfig(r.Next(1, 13), r.Next(1, 13), (Dataflow)r.Next(3),
            kbs[r.Next(kbs.Length)], kbs[r.Next(kbs.Length)], kbs[r.Next(kbs.Length)],
            r.Next(2) == 0 ? BandwidthMode.Calc : BandwidthMode.User, r.Next(1, 17));
        return (config, RandomLayer(r, 60, 12, 6));
    }

    internal static (SystolicConfig, Layer) RandomMedium(Random r)
    {
        int[] kbs = [1, 2, 4, 8, 16, 32];
        var config = new SystolicConfig(r.Next(2, 33), r.Next(2, 33), (Dataflow)r.Next(3),
            kbs[r.Next(kbs.Length)], kbs[r.Next(kbs.Length)], kbs[r.Next(kbs.Length)],
            r.Next(2) == 0 ? BandwidthMode.Calc : BandwidthMode.User, r.Next(1, 33));
        return (config, RandomLayer(r, 200, 24, 24));
    }

    /// <summary>Convolutions whose windows overlap (stride below the filter) on 1-2 kB ifmap SRAMs, few channels included.</summary>
    internal static (SystolicConfig, Layer) RandomRepeats(Random r)
    {
        var config = new SystolicConfig(r.Next(1, 20), r.Next(1, 20), (Dataflow)r.Next(3), r.Next(1, 3), r.Next(1, 9), r.Next(1, 9),
            r.Next(2) == 0 ? BandwidthMode.Calc : BandwidthMode.User, r.Next(1, 17));
        int fh = r.Next(2, 6), fw = r.Next(2, 6), channels = r.Next(4) == 0 ? 1 : r.Next(1, 9);
        var layer = new Layer("c", r.Next(fh + 8, 40), r.Next(fw + 8, 40), fh, fw, channels, r.Next(1, 24),
            r.Next(1, fh), r.Next(1, fw));
        return (config, layer);
    }

    /// <summary>A GEMM or a convolution (filters 1..5, strides 1..3, overlapping and overhanging windows).</summary>
    private static Layer RandomLayer(Random r, int gemmMax, int ifmapMax, int channelsMax)
    {
        if (r.Next(3) == 0) return Layer.Gemm("g", r.Next(1, gemmMax), r.Next(1, gemmMax), r.Next(1, gemmMax));
        int fh = r.Next(1, 6), fw = r.Next(1, 6);
        return new Layer("c", r.Next(fh, ifmapMax + 1), r.Next(fw, ifmapMax + 1), fh, fw,
            r.Next(1, channelsMax + 1), r.Next(1, 3 * channelsMax), r.Next(1, 4), r.Next(1, 4));
    }

    internal static string Describe(SystolicConfig c, Layer l) =>
        $"{c.ArrayRows}x{c.ArrayCols} {c.Dataflow.ToShortName()} {c.BandwidthMode} bw {c.BandwidthWordsPerCycle} "
        + $"{c.IfmapSramKb}/{c.FilterSramKb}/{c.OfmapSramKb} kB; layer {l.IfmapHeight}x{l.IfmapWidth} f {l.FilterHeight}x{l.FilterWidth} "
        + $"c {l.Channels} n {l.NumFilters} s {l.StrideHeight}x{l.StrideWidth}";
}
