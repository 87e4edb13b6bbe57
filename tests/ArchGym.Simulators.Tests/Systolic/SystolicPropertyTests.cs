using NUnit.Framework;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Systolic.Area;
using ArchGym.Simulators.Systolic.Energy;
using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Tests.Systolic;

/// <summary>Invariants that must hold for any layer and configuration, plus energy/area sanity.</summary>
[TestFixture]
public class SystolicPropertyTests
{
    private static readonly Layer[] Layers =
    [
        Layer.Gemm("g", 96, 70, 130),
        new Layer("conv3x3", 20, 20, 3, 3, 8, 24, 1, 1),
        new Layer("conv5x5s2", 31, 29, 5, 5, 3, 16, 2, 2),
        new Layer("conv1x1", 14, 14, 1, 1, 64, 32, 1, 1),
    ];

    private static IEnumerable<TestCaseData> Combos() =>
        from layer in Layers
        from df in Enum.GetValues<Dataflow>()
        from mode in Enum.GetValues<BandwidthMode>()
        select new TestCaseData(layer, df, mode).SetName($"{{m}}_{layer.Name}_{df.ToShortName()}_{mode}");

    [TestCaseSource(nameof(Combos))]
    public void UtilisationsAreAtMost100AndCountsConsistent(Layer layer, Dataflow df, BandwidthMode mode)
    {
        var r = new SystolicSimulator().RunLayer(new SystolicConfig(8, 12, df, 4, 4, 2, mode, 4), layer);
        Assert.Multiple(() =>
        {
            Assert.That(r.OverallUtilPct, Is.InRange(0.0, 100.0));
            Assert.That(r.MappingEffPct, Is.InRange(0.0, 100.0));
            Assert.That(r.ComputeUtilPct, Is.InRange(0.0, 100.0));
            Assert.That(r.TotalCycles, Is.EqualTo(r.ComputeCycles + r.StallCycles));
            Assert.That(r.StallCycles, Is.GreaterThanOrEqualTo(0));
            Assert.That(r.Macs, Is.EqualTo(layer.Macs));
            Assert.That(r.OfmapDramWrites, Is.GreaterThanOrEqualTo(layer.M * layer.N));
            if (mode == BandwidthMode.Calc) Assert.That(r.IfmapDramReads, Is.LessThanOrEqualTo(r.IfmapSramReads));
        });
    }

    private static IEnumerable<TestCaseData> CalcCombos() =>
        Combos().Where(c => (BandwidthMode)c.Arguments[2]! == BandwidthMode.Calc);

    /// <summary>CALC only: USER counts whole bw-word prefetch lines, so it need not be monotone.</summary>
    [TestCaseSource(nameof(CalcCombos))]
    public void BiggerSramNeverReadsMoreDramInCalcMode(Layer layer, Dataflow df, BandwidthMode mode)
    {
        var sim = new SystolicSimulator();
        long previousIfmap = long.MaxValue, previousFilter = long.MaxValue;
        foreach (int kb in new[] { 1, 2, 4, 16, 64, 256 })
        {
            var r = sim.RunLayer(new SystolicConfig(8, 8, df, kb, kb, 64), layer);
            Assert.That(r.IfmapDramReads, Is.LessThanOrEqualTo(previousIfmap), $"ifmap at {kb} kB");
            Assert.That(r.FilterDramReads, Is.LessThanOrEqualTo(previousFilter), $"filter at {kb} kB");
            previousIfmap = r.IfmapDramReads;
            previousFilter = r.FilterDramReads;
        }

        var fits = sim.RunLayer(new SystolicConfig(8, 8, df, 4096, 4096, 64), layer);
        Assert.That(fits.FilterDramReads, Is.EqualTo(layer.K * layer.N), "a filter that fits is read once");
    }

    [Test]
    public void WsAndIsAreMirrorImagesForAGemmAndItsTranspose()
    {
        // is maps (K, M, N) where ws maps (K, N, M): swapping M and N swaps the two dataflows' cycle counts.
        var sim = new SystolicSimulator();
        var ws = sim.RunLayer(new SystolicConfig(16, 8, Dataflow.WeightStationary, 64, 64, 64), Layer.Gemm("a", 50, 30, 70));
        var @is = sim.RunLayer(new SystolicConfig(16, 8, Dataflow.InputStationary, 64, 64, 64), Layer.Gemm("b", 30, 50, 70));
        Assert.That(@is.ComputeCycles, Is.EqualTo(ws.ComputeCycles));
        Assert.That(@is.MappingEffPct, Is.EqualTo(ws.MappingEffPct).Within(1e-12));
        Assert.That(@is.OfmapSramWrites, Is.EqualTo(ws.OfmapSramWrites));
    }

    [Test]
    public void NarrowUserBandwidthStallsAndCostsTime()
    {
        var sim = new SystolicSimulator();
        var layer = new Layer("conv", 28, 28, 3, 3, 16, 32, 1, 1);
        var fast = sim.RunLayer(new SystolicConfig(32, 32, Dataflow.OutputStationary, 64, 64, 64, BandwidthMode.User, 64), layer);
        var slow = sim.RunLayer(new SystolicConfig(32, 32, Dataflow.OutputStationary, 16, 16, 8, BandwidthMode.User, 4), layer);
        Assert.That(slow.StallCycles, Is.GreaterThan(fast.StallCycles));
        Assert.That(slow.TotalCycles, Is.GreaterThan(fast.TotalCycles));
        Assert.That(slow.OverallUtilPct, Is.LessThan(fast.OverallUtilPct));
    }

    [Test]
    public void EnergyAddsUpAndGrowsWithDramTraffic()
    {
        var sim = new SystolicSimulator();
        var layer = Layer.Gemm("g", 256, 256, 256);
        var big = sim.RunLayer(new SystolicConfig(16, 16, Dataflow.OutputStationary, 512, 512, 512), layer);
        var small = sim.RunLayer(new SystolicConfig(16, 16, Dataflow.OutputStationary, 1, 1, 512), layer);
        var e = small.Energy!;
        Assert.Multiple(() =>
        {
            Assert.That(e.TotalPj, Is.EqualTo(small.EnergyPj).Within(1e-6));
            Assert.That(e.MacPj, Is.EqualTo(layer.Macs * (0.2 + 0.03)).Within(1e-6));
            Assert.That(small.TotalDramWords, Is.GreaterThan(big.TotalDramWords));
            Assert.That(e.DramPj, Is.GreaterThan(big.Energy!.DramPj));
            // DRAM dominates: ~20 pJ/bit against sub-pJ SRAM and MAC costs (Horowitz 2014).
            Assert.That(e.DramPj, Is.GreaterThan(e.MacPj));
        });
    }

    [Test]
    public void SramEnergyPerAccessScalesWithSqrtOfCapacity()
    {
        var costs = EnergyCosts.Horowitz45nm;
        Assert.That(EnergyModel.SramWordPj(costs, 32, 64), Is.EqualTo(20.0).Within(1e-9), "Horowitz: 20 pJ per 64-bit read of 32 kB");
        Assert.That(EnergyModel.SramWordPj(costs, 128, 8) / EnergyModel.SramWordPj(costs, 32, 8), Is.EqualTo(2.0).Within(1e-12));
    }

    [Test]
    public void AreaGrowsWithPesAndSramAndCostsCanBeOverridden()
    {
        var small = new SystolicConfig(8, 8, Dataflow.WeightStationary, 16, 16, 16);
        var wide = small with { ArrayCols = 32 };
        var deep = small with { IfmapSramKb = 256 };
        Assert.That(AreaModel.TotalMm2(wide), Is.GreaterThan(AreaModel.TotalMm2(small)));
        Assert.That(AreaModel.TotalMm2(deep) - AreaModel.TotalMm2(small), Is.EqualTo(240 * AreaCosts.Default45nm.SramMm2PerKb).Within(1e-12));
        var free = AreaCosts.Default45nm with { SramMm2PerKb = 0 };
        Assert.That(AreaModel.TotalMm2(deep, free), Is.EqualTo(AreaModel.ArrayMm2(deep)).Within(1e-12));
        var report = new SystolicSimulator(areaCosts: free).Run(deep, new Topology("t", [Layer.Gemm("g", 8, 8, 8)]));
        Assert.That(report.AreaMm2, Is.EqualTo(AreaModel.ArrayMm2(deep)).Within(1e-12));
    }

    [Test]
    public void NetworkReportAggregatesLayers()
    {
        var topology = new Topology("two", [Layer.Gemm("a", 40, 30, 20), new Layer("c", 12, 12, 3, 3, 4, 8, 1, 1)]);
        var report = new SystolicSimulator().Run(new SystolicConfig(8, 8, Dataflow.OutputStationary, 8, 8, 8), topology);
        Assert.Multiple(() =>
        {
            Assert.That(report.TotalCycles, Is.EqualTo(report.Layers.Sum(l => l.TotalCycles)));
            Assert.That(report.EnergyUj, Is.EqualTo(report.Layers.Sum(l => l.EnergyPj) / 1e6).Within(1e-12));
            Assert.That(report.OverallUtilPct, Is.EqualTo(100.0 * topology.TotalMacs / (report.TotalCycles * 64.0)).Within(1e-9));
        });
    }

    [TestCase(0, 8, "ArrayRows")]
    [TestCase(8, -1, "ArrayCols")]
    public void InvalidConfigsNameTheField(int rows, int cols, string field)
    {
        var e = Assert.Throws<InvalidConfigException>(() => _ = new SystolicConfig(rows, cols, Dataflow.OutputStationary, 8, 8, 8));
        Assert.That(e!.Field, Is.EqualTo(field));
    }

    [Test]
    public void WithExpressionsValidateToo()
    {
        var ok = new SystolicConfig(8, 8, Dataflow.OutputStationary, 8, 8, 8);
        Assert.Throws<InvalidConfigException>(() => _ = ok with { OfmapSramKb = 0 });
        Assert.Throws<InvalidConfigException>(() => _ = ok with { BandwidthWordsPerCycle = 0 });
        Assert.Throws<InvalidConfigException>(() => _ = ok with { WordBytes = 3 });
    }

    [TestCase("OS", Dataflow.OutputStationary)]
    [TestCase(" ws ", Dataflow.WeightStationary)]
    [TestCase("Is", Dataflow.InputStationary)]
    public void DataflowShortNamesRoundTrip(string text, Dataflow expected)
    {
        Assert.That(DataflowNames.Parse(text), Is.EqualTo(expected));
        Assert.That(DataflowNames.Parse(expected.ToShortName()), Is.EqualTo(expected));
        Assert.Throws<InvalidConfigException>(() => DataflowNames.Parse("rs"));
    }
}
