using NUnit.Framework;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Tests.Soc;

public class PlatformBuilderTests
{
    private static readonly SocPlatform Dash = SocCatalog.Get(SocCatalog.DashStandard);

    private static SocPlatform With(params (string Cluster, int Cores)[] counts) =>
        SocPlatformBuilder.WithCores(Dash, counts.ToDictionary(c => c.Cluster, c => c.Cores));

    [Test]
    public void NoChangesRebuildsTheSameSoc()
    {
        var same = With();
        Assert.That(same.PeCount, Is.EqualTo(Dash.PeCount));
        Assert.That(same.PeNames, Is.EqualTo(Dash.PeNames));
        foreach (var task in Dash.TaskNames) Assert.That(same.ExecutionTimesUs(task), Is.EqualTo(Dash.ExecutionTimesUs(task)), task);
        for (var a = 0; a < Dash.PeCount; a++)
            for (var b = 0; b < Dash.PeCount; b++) Assert.That(same.Bandwidth(a, b), Is.EqualTo(Dash.Bandwidth(a, b)));
        var report = new SocSimulator().Run(Ds3SampleTests.Config(SchedulerKind.Etf, 1) with { Platform = same }, Ds3SampleTests.WifiMix);
        Assert.That(report, Is.EqualTo(new SocSimulator().Run(Ds3SampleTests.Config(SchedulerKind.Etf, 1), Ds3SampleTests.WifiMix))
            .Using<SocReport>((x, y) => x.MeanLatencyUs == y.MeanLatencyUs && x.EnergyJ == y.EnergyJ));
    }

    [Test]
    public void CountsAboveACapacitySplitIntoFurtherClusters()
    {
        var soc = With(("A15", 6), ("FFT", 1));
        Assert.That(soc.Clusters.Select(c => (c.Name, c.Capacity)), Is.EqualTo(new[]
        {
            ("A7", 4), ("A15", 4), ("A15", 2), ("MM", 2), ("FFT", 1), ("VIT", 2), ("MEMORY", 1),
        }));
        Assert.That(soc.PeCount, Is.EqualTo(16));
        Assert.That(soc.MemoryPe, Is.EqualTo(15));
        Assert.That(soc.ExecutionTimesUs("ifft_1")!.Skip(4).Take(6), Is.EqualTo(new[] { 118.0, 118, 118, 118, 118, 118 }));
        Assert.That(soc.Bandwidth(4, 9), Is.EqualTo(1000), "A15 copies talk at the A15 cluster's own comm_band");
        Assert.That(soc.Bandwidth(9, 12), Is.EqualTo(10), "to the FFT cluster");
        Assert.That(soc.Bandwidth(9, 9), Is.EqualTo(10000));
        Assert.That(SocPlatformBuilder.CoreCounts(soc)["A15"], Is.EqualTo(6));
    }

    [Test]
    public void RemovingAcceleratorsMovesTheirTasksToCpus()
    {
        var soc = With(("FFT", 0), ("VIT", 0), ("MM", 0));
        Assert.That(soc.PeCount, Is.EqualTo(9));
        var report = new SocSimulator().Run(Ds3SampleTests.Config(SchedulerKind.Etf, 0) with { Platform = soc }, Ds3SampleTests.WifiMix);
        var full = new SocSimulator().Run(Ds3SampleTests.Config(SchedulerKind.Etf, 0), Ds3SampleTests.WifiMix);
        Assert.That(report.CompletedJobs, Is.GreaterThan(100));
        Assert.That(report.MeanLatencyUs, Is.GreaterThan(full.MeanLatencyUs));
    }

    [Test]
    public void MoreBigCoresHelpAnOverloadedSoc()
    {
        var config = Ds3SampleTests.Config(SchedulerKind.Etf, 2) with { MeanInterArrivalUs = 40 };
        var four = new SocSimulator().Run(config, Ds3SampleTests.WifiMix);
        var eight = new SocSimulator().Run(config with { Platform = With(("A15", 8)) }, Ds3SampleTests.WifiMix);
        Assert.That(eight.CompletionRatePerMs, Is.GreaterThan(four.CompletionRatePerMs));
    }

    [Test]
    public void TaskWithNoCapablePeNamesTheJobFileLine()
    {
        var noCpus = With(("A7", 0), ("A15", 0));
        var ex = Assert.Throws<InvalidConfigException>(() => new SocSimulator().Run(Ds3SampleTests.Config(SchedulerKind.Etf, 0) with { Platform = noCpus },
            Ds3SampleTests.WifiMix))!;
        Assert.That(ex.Field, Is.EqualTo("task"));
        Assert.That(ex.Value, Is.EqualTo("scrambler_encoder"));
        Assert.That(ex.SourceLocation, Is.EqualTo($"{JobCatalog.WifiTransmitter}.txt:35"));
        Assert.That(ex.Message, Does.Contain("no PE left supports it"));
    }

    [Test]
    public void BadCountsAreRejected()
    {
        Assert.That(Assert.Throws<InvalidConfigException>(() => With(("GPU", 1)))!.Allowed, Does.Contain("A15"));
        Assert.That(Assert.Throws<InvalidConfigException>(() => With(("A7", -1)))!.Field, Is.EqualTo("cores of A7"));
        Assert.That(Assert.Throws<InvalidConfigException>(() => With(("A7", 0), ("A15", 0), ("MM", 0), ("FFT", 0), ("VIT", 0)))!.Field, Is.EqualTo("cores"));
    }

    [Test]
    public void AreaFollowsTheCountsAndTheCitedCoreAreas()
    {
        var table = PeAreaTable.Dash28nm;
        var standard = table.TotalMm2(Dash);
        Assert.That(standard, Is.EqualTo(4 * 0.45 + 4 * 0.45 / 0.13 + 2 * table.AreaMm2ByCluster["MM"] + 4 * table.AreaMm2ByCluster["FFT"]
            + 2 * table.AreaMm2ByCluster["VIT"]).Within(1e-12));
        Assert.That(table.AreaMm2ByCluster["A15"] / table.AreaMm2ByCluster["A7"], Is.EqualTo(1 / 0.13).Within(1e-9));
        Assert.That(table.AreaMm2ByCluster.Values.All(a => a is > 0.01 and < 5), Is.True);
        Assert.That(table.TotalMm2(With(("A15", 2))), Is.EqualTo(standard - 2 * 0.45 / 0.13).Within(1e-12));
        Assert.That(Assert.Throws<InvalidConfigException>(() => table.TotalMm2(SocCatalog.Get(SocCatalog.TopcuogluExample)))!.Field,
            Is.EqualTo("area of cluster"));
    }
}
