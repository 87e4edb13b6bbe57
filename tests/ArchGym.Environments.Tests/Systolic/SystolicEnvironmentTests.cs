using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Systolic;
using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Environments.Tests.Systolic;

public class SystolicEnvironmentTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "archgym-sys-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, true);

    private string GemmTopology()
    {
        var path = Path.Combine(_dir, "g.csv");
        File.WriteAllText(path, "Layer, M, N, K,\ng1, 64, 96, 80,\ng2, 32, 32, 256,\n");
        return path;
    }

    private SystolicEnvironment Make(params (string Key, string Value)[] extra)
    {
        var options = new Dictionary<string, string> { ["workload"] = GemmTopology() };
        foreach (var (k, v) in extra) options[k] = v;
        return SystolicEnvironments.Create(new EnvironmentOptions(options));
    }

    [Test]
    public void StepObservesWhatTheSimulatorReports()
    {
        using var env = Make();
        env.Reset(0);
        var point = env.ActionSpace.Parse(new Dictionary<string, string>
        {
            ["array_rows"] = "16", ["array_cols"] = "8", ["dataflow"] = "os", ["ifmap_sram_kb"] = "32",
            ["filter_sram_kb"] = "16", ["ofmap_sram_kb"] = "8", ["dram_bandwidth"] = "4",
        });
        var config = env.ToConfig(point);
        var report = new SystolicSimulator().Run(config, DnnCatalogFreeTopology());
        var step = env.Step(point);
        Assert.Multiple(() =>
        {
            Assert.That(config, Is.EqualTo(new SystolicConfig(16, 8, Dataflow.OutputStationary, 32, 16, 8, BandwidthMode.User, 4)));
            Assert.That(step.Observation.Values, Is.EqualTo(SystolicEnvironment.Observe(report)));
            Assert.That(step.Info.Feasible, Is.True);
            Assert.That(env.Metrics.Select(m => m.Name), Is.EqualTo(new[] { "latency_cycles", "energy_uj", "area_mm2", "utilization_pct" }));
        });
    }

    private Topology DnnCatalogFreeTopology() => ArchGym.Simulators.Systolic.ScaleSimFiles.ScaleSimTopologyReader.Read(Path.Combine(_dir, "g.csv"));

    [Test]
    public void DefaultTargetsImproveTheBaselineByArchGymsFactors()
    {
        using var env = Make();
        var baseline = new SystolicSimulator().Run(SystolicEnvironments.Baseline(BandwidthMode.User), DnnCatalogFreeTopology());
        var targets = env.Task.Targets.ToDictionary();
        Assert.Multiple(() =>
        {
            Assert.That(targets["latency_cycles"], Is.EqualTo(baseline.TotalCycles * 0.80).Within(1e-9));
            Assert.That(targets["energy_uj"], Is.EqualTo(baseline.EnergyUj * 0.70).Within(1e-9));
            Assert.That(targets["area_mm2"], Is.EqualTo(baseline.AreaMm2 * 0.85).Within(1e-9));
        });
        env.Reset(0);
        var atBaseline = env.Step(env.ActionSpace.Parse(new Dictionary<string, string>
        {
            ["array_rows"] = "32", ["array_cols"] = "32", ["dataflow"] = "ws", ["ifmap_sram_kb"] = "256",
            ["filter_sram_kb"] = "256", ["ofmap_sram_kb"] = "128", ["dram_bandwidth"] = "16",
        }));
        // relu_excess of the baseline: 1/0.8 - 1 + 1/0.7 - 1 + 1/0.85 - 1.
        Assert.That(atBaseline.Reward, Is.EqualTo(-(0.25 + 3.0 / 7 + 0.15 / 0.85)).Within(1e-9));
    }

    [Test]
    public void CalcModeDropsTheBandwidthKnobAndUserTargetsOverrideTheDefaults()
    {
        using var env = Make(("bandwidth_mode", "calc"), ("targets", "latency_cycles=1000"), ("reward", "closeness"));
        Assert.Multiple(() =>
        {
            Assert.That(env.ActionSpace.Contains("dram_bandwidth"), Is.False);
            Assert.That(env.Task.Targets.ToDictionary(), Is.EqualTo(new Dictionary<string, double> { ["latency_cycles"] = 1000 }));
            Assert.That(env.Task.Reward.Name, Is.EqualTo("closeness"));
        });
    }

    [Test]
    public void UnknownWorkloadsAndMissingFilesAreClearErrors()
    {
        Assert.That(Assert.Catch(() => SystolicEnvironments.Create(new EnvironmentOptions(new Dictionary<string, string> { ["workload"] = "vgg99" })))!.Message,
            Does.Contain("vgg99").And.Contain("resnet18"));
        Assert.That(Assert.Throws<ArgumentException>(() => SystolicEnvironments.Create(new EnvironmentOptions(new Dictionary<string, string> { ["workload"] = "/no/such.csv" })))!.Message,
            Does.Contain("not found"));
    }

    [Test]
    public void CatalogNetworksResolve()
    {
        foreach (var name in new[] { "alexnet", "resnet18", "resnet50", "mobilenetv2", "bert-base" })
            Assert.That(SystolicWorkloads.Resolve(name, null).Layers, Is.Not.Empty, name);
        Assert.That(SystolicWorkloads.Resolve("bert-base", 64).Layers, Is.Not.Empty);
        Assert.That(DnnCatalog.Get("resnet18").Name, Does.Contain("resnet18").IgnoreCase);
    }
}
