using NUnit.Framework;
using System.Diagnostics;
using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Systolic.ScaleSimFiles;
using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Tests.Systolic;

/// <summary>
/// Timing of whole-network evaluations: ResNet-50 (54 layers) on SCALE-Sim's 128x128 timing configs,
/// ResNet-18 on the small arrays that used to be slow (many cycles), and a seeded random sweep over
/// the agents' design space. Prints, never asserts wall-clock.
/// Run: dotnet test -c Release --filter FullyQualifiedName~SystolicSpeedBenchmark
/// </summary>
[TestFixture, Explicit("benchmark: prints timings")]
public class SystolicSpeedBenchmark
{
    [TestCase("timing_128x128_ws_calc.cfg", 876832L, 63459374L)]
    [TestCase("timing_128x128_os_calc.cfg", 611561L, 48605176L)]
    public void ResNet50(string configFile, long totalCycles, long dramWords)
    {
        var folder = ReferenceData.ScaleSimFolder;
        var config = ScaleSimConfigReader.Read(Path.Combine(folder, "configs", configFile));
        var topology = ScaleSimTopologyReader.Read(Path.Combine(folder, "topologies", "resnet50.csv"));
        var sim = new SystolicSimulator();
        var (ms, warm) = Time(sim, config, topology);
        TestContext.Out.WriteLine($"{configFile}: {ms:F2} ms per ResNet-50 (fastest run) ({topology.Layers.Count} layers), "
            + $"{topology.Layers.Count / (ms / 1000):F0} layers/s, {1000 / ms:F1} evaluations/s; "
            + $"total_cycles {warm.TotalCycles}, stalls {warm.StallCycles}, DRAM words {warm.DramWords}");

        var watch = Stopwatch.StartNew();
        int runs = (int)Math.Clamp(2000 / ms, 4, 200);
        Parallel.For(0, runs, _ => sim.Run(config, topology));
        watch.Stop();
        TestContext.Out.WriteLine($"  parallel ({Environment.ProcessorCount} cores): {runs / watch.Elapsed.TotalSeconds:F1} evaluations/s");
        Assert.That(warm.Layers, Has.Count.EqualTo(54));
        Assert.That((warm.TotalCycles, warm.DramWords), Is.EqualTo((totalCycles, dramWords)), "the totals of the original per-line model");
    }

    /// <summary>
    /// ResNet-18 cases: rows x cols, dataflow, mode, words/cycle, ifmap/filter/ofmap kB, then the totals the
    /// original per-line model gave (total cycles, stalls, DRAM words), checked exactly.
    /// </summary>
    [TestCase(4, 4, "ws", BandwidthMode.User, 2, 512, 256, 64, 266710094L, 145980995L, 973615893L)]
    [TestCase(4, 4, "ws", BandwidthMode.User, 2, 32, 32, 16, 292643055L, 171913956L, 1048391661L)]
    [TestCase(8, 4, "ws", BandwidthMode.User, 4, 512, 256, 64, 132457478L, 69072699L, 761706751L)]
    [TestCase(16, 16, "os", BandwidthMode.User, 8, 512, 256, 64, 63245222L, 55239689L, 525304593L)]
    [TestCase(64, 64, "is", BandwidthMode.Calc, 10, 512, 256, 64, 1279547L, 0L, 54237751L)]
    [TestCase(128, 128, "ws", BandwidthMode.Calc, 10, 512, 256, 64, 441581L, 0L, 29185943L)]
    public void ResNet18(int rows, int cols, string dataflow, BandwidthMode mode, int bandwidth, int ifmapKb, int filterKb, int ofmapKb,
        long totalCycles, long stallCycles, long dramWords)
    {
        var config = new SystolicConfig(rows, cols, DataflowNames.Parse(dataflow), ifmapKb, filterKb, ofmapKb, mode, bandwidth);
        var topology = DnnCatalog.Get("resnet18");
        var (ms, report) = Time(new SystolicSimulator(), config, topology);
        TestContext.Out.WriteLine($"ResNet-18 {rows}x{cols} {dataflow} {mode} bw {bandwidth} {ifmapKb}/{filterKb}/{ofmapKb} kB: "
            + $"{ms:F2} ms per evaluation (fastest run); total_cycles {report.TotalCycles}, stalls {report.StallCycles}, DRAM words {report.DramWords}");
        Assert.That((report.TotalCycles, report.StallCycles, report.DramWords), Is.EqualTo((totalCycles, stallCycles, dramWords)));
    }

    /// <summary>
    /// Random design points (seeded): arrays 4..256 per edge, SRAMs 8 kB..2 MB, 1..128 words/cycle, any dataflow
    /// and mode. Every point is run once to warm up (tiered JIT), then timed; per-mode mean, median, p90 and max.
    /// </summary>
    [TestCase(100, 7)]
    public void RandomSweepResNet18(int points, int seed)
    {
        var random = new Random(seed);
        var topology = DnnCatalog.Get("resnet18");
        var sim = new SystolicSimulator();
        var configs = Enumerable.Range(0, points).Select(_ => RandomConfig(random)).ToList();
        foreach (var config in configs) sim.Run(config, topology);
        var timed = new List<(double Ms, SystolicConfig Config)>();
        foreach (var config in configs)
        {
            var watch = Stopwatch.StartNew();
            sim.Run(config, topology);
            timed.Add((watch.Elapsed.TotalMilliseconds, config));
        }

        double totalMs = timed.Sum(t => t.Ms);
        TestContext.Out.WriteLine($"random ResNet-18 sweep, {points} points (seed {seed}): {totalMs / points:F2} ms per evaluation, "
            + $"{points / (totalMs / 1000):F1} evaluations/s");
        foreach (var mode in Enum.GetValues<BandwidthMode>())
        {
            var ms = timed.Where(t => t.Config.BandwidthMode == mode).Select(t => t.Ms).Order().ToList();
            if (ms.Count == 0) continue;
            TestContext.Out.WriteLine($"  {mode}: {ms.Count} points, mean {ms.Average():F2} ms, median {ms[ms.Count / 2]:F2}, "
                + $"p90 {ms[ms.Count * 9 / 10]:F2}, max {ms[^1]:F2}");
        }

        foreach (var (ms, config) in timed.OrderByDescending(t => t.Ms).Take(3))
            TestContext.Out.WriteLine($"  slow: {ms:F1} ms ({Describe(config)})");
        Assert.That(totalMs, Is.GreaterThan(0));
    }

    /// <summary>
    /// The same sweep through the original per-line memory model (PerLine/, the oracle): the "before" figure.
    /// Memory simulation only (the rest of an evaluation is closed forms), so it slightly flatters the old path.
    /// </summary>
    [TestCase(100, 7)]
    public void RandomSweepResNet18PerLineReference(int points, int seed)
    {
        var random = new Random(seed);
        var layers = DnnCatalog.Get("resnet18").Layers;
        double totalMs = 0;
        for (int i = 0; i < points; i++)
        {
            var config = RandomConfig(random);
            var watch = Stopwatch.StartNew();
            foreach (var layer in layers)
            {
                var plan = new ArchGym.Simulators.Systolic.Dataflows.FoldPlan(config, layer);
                PerLine.PerLineMemorySimulation.Run(config, plan, ArchGym.Simulators.Systolic.Dataflows.DataflowStreams.For(plan),
                    ArchGym.Simulators.Systolic.Dataflows.Im2colAddresses.ForLayer(layer));
            }

            totalMs += watch.Elapsed.TotalMilliseconds;
        }

        TestContext.Out.WriteLine($"per-line reference, {points} points (seed {seed}): {totalMs / points:F1} ms per evaluation");
        Assert.That(totalMs, Is.GreaterThan(0));
    }

    private static SystolicConfig RandomConfig(Random random)
    {
        int Pow2(int minLog, int maxLog) => 1 << random.Next(minLog, maxLog + 1);
        return new SystolicConfig(Pow2(2, 8), Pow2(2, 8), (Dataflow)random.Next(3),
            Pow2(3, 11), Pow2(3, 11), Pow2(3, 11),
            random.Next(2) == 0 ? BandwidthMode.Calc : BandwidthMode.User, Pow2(0, 7));
    }

    private static string Describe(SystolicConfig c) =>
        $"{c.ArrayRows}x{c.ArrayCols} {c.Dataflow.ToShortName()} {c.BandwidthMode} bw {c.BandwidthWordsPerCycle} "
        + $"{c.IfmapSramKb}/{c.FilterSramKb}/{c.OfmapSramKb} kB";

    /// <summary>
    /// Fastest ms per run after a warm-up (the cores are shared, so the minimum is the stable figure);
    /// repeats for about a second, at least three times. Slow runs (over 2 s) are timed once.
    /// </summary>
    private static (double Ms, SystolicReport Report) Time(SystolicSimulator sim, SystolicConfig config, Topology topology)
    {
        var watch = Stopwatch.StartNew();
        var report = sim.Run(config, topology);
        double first = watch.Elapsed.TotalMilliseconds;
        if (first > 2000) return (first, report);
        int runs = (int)Math.Clamp(1000 / Math.Max(first, 0.01), 3, 2000);
        double best = double.MaxValue;
        for (int i = 0; i < runs; i++)
        {
            watch.Restart();
            sim.Run(config, topology);
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return (best, report);
    }
}
