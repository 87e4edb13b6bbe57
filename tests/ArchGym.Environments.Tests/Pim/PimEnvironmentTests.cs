using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Pim;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Pim;
using ArchGym.Simulators.Pim.Area;
using ArchGym.Simulators.Workloads.Gpt;

namespace ArchGym.Environments.Tests.Pim;

/// <summary><c>pim-v0</c>: knobs to <see cref="PimConfig"/>, metrics from the simulator's report, infeasible points, default targets.</summary>
public class PimEnvironmentTests
{
    // A short generation keeps each step to a few milliseconds.
    private static readonly GptWorkload Short = GptWorkload.Of("gpt2-small", 4, 4);

    private static PimEnvironment Make(params (string Key, string Value)[] extra)
    {
        var options = new Dictionary<string, string> { ["model"] = "gpt2-small", ["prompt"] = "4", ["tokens"] = "4" };
        foreach (var (k, v) in extra) options[k] = v;
        return PimEnvironments.Create(new EnvironmentOptions(options));
    }

    private static Dictionary<string, string> Knobs(string device = "GDDR6_AIM", int channels = 8, int banks = 16, int lanes = 16,
        int buffer = 2048, double clock = 1000, int width = 256, string mapping = "pim-gpt") => new()
    {
        ["device"] = device, ["channels"] = $"{channels}", ["banks_per_channel"] = $"{banks}", ["mac_lanes"] = $"{lanes}",
        ["global_buffer_bytes"] = $"{buffer}", ["asic_clock_mhz"] = $"{clock}", ["asic_vector_width"] = $"{width}", ["mapping"] = mapping,
    };

    [Test]
    public void KnobsMapOntoEveryConfigField()
    {
        using var env = Make();
        var point = env.ActionSpace.Parse(Knobs("HBM2_PIM", 32, 8, 4, 512, 200, 64, "row-major"));
        Assert.Multiple(() =>
        {
            Assert.That(PimEnvironment.ToConfig(point), Is.EqualTo(new PimConfig(Device: "HBM2_PIM", Channels: 32, BanksPerChannel: 8,
                MacLanesPerBank: 4, GlobalBufferBytes: 512, AsicClockMhz: 200, AsicVectorWidth: 64, Mapping: MappingPolicy.RowMajor)));
            Assert.That(env.ActionSpace.Parameters.Select(p => p.Name), Is.EqualTo(new[]
            {
                "device", "channels", "banks_per_channel", "mac_lanes", "global_buffer_bytes", "asic_clock_mhz", "asic_vector_width", "mapping",
            }));
        });
    }

    [Test]
    public void EveryKnobValueMakesAValidConfig()
    {
        // Only capacity can make a point infeasible: the domains respect powers of two, bank groups and buffer minimums.
        using var env = Make();
        var space = env.ActionSpace;
        foreach (var device in PimSpace.Devices)
        foreach (var banks in new[] { 4, 8, 16, 32, 64 })
        foreach (var lanes in new[] { 1, 2, 4, 8, 16, 32 })
        foreach (var buffer in new[] { 128, 16384 })
        {
            var point = space.Parse(Knobs(device, 1, banks, lanes, buffer, 100, 16));
            Assert.DoesNotThrow(() => PimAreaModel.Estimate(PimEnvironment.ToConfig(point)), $"{device} {banks} banks {lanes} lanes {buffer} B");
        }
    }

    [Test]
    public void StepObservesWhatTheSimulatorReports()
    {
        using var env = Make();
        env.Reset(0);
        var point = env.ActionSpace.Parse(Knobs(channels: 4, banks: 32, lanes: 8, buffer: 1024, clock: 500, width: 128));
        var config = PimEnvironment.ToConfig(point);
        var report = new PimSimulator().Run(config, Short);
        var step = env.Step(point);
        Assert.Multiple(() =>
        {
            Assert.That(step.Info.Feasible, Is.True, step.Info.InfeasibleReason);
            Assert.That(step.Observation.Values, Is.EqualTo(new[] { report.LatencyPerTokenUs, report.EnergyPerTokenUj, PimAreaModel.Estimate(config).TotalMm2 }));
            Assert.That(step.Info.Extra!["vmm_us"], Is.EqualTo(report.VmmUs));
            Assert.That(step.Info.Extra!["row_hit_rate"], Is.EqualTo(report.RowHitRate));
            Assert.That(step.Info.Extra!["speedup_vs_gpu"], Is.EqualTo(report.SpeedupVsGpu));
            Assert.That(env.Metrics.Select(m => m.Name), Is.EqualTo(new[] { "latency_per_token_us", "energy_per_token_uj", "area_mm2" }));
            Assert.That(env.Workload, Is.EqualTo("gpt2-small (4+4 tokens)"));
        });
    }

    [Test]
    public void AModelThatDoesNotFitIsInfeasibleWithTheSimulatorsReason()
    {
        using var env = Make(("model", "gpt2-xl"));
        env.Reset(0);
        var point = env.ActionSpace.Parse(Knobs(channels: 1, banks: 4));
        var thrown = Assert.Throws<InvalidConfigException>(() => new PimSimulator().Run(PimEnvironment.ToConfig(point), GptWorkload.Of("gpt2-xl", 4, 4)))!;
        var step = env.Step(point);
        Assert.Multiple(() =>
        {
            Assert.That(step.Info.Feasible, Is.False);
            Assert.That(step.Info.InfeasibleReason, Is.EqualTo(thrown.Message));
            Assert.That(step.Info.InfeasibleReason, Does.Contain("rows per bank"));
            Assert.That(step.Reward, Is.NaN);
            Assert.That(step.Observation.Values.All(double.IsNaN), Is.True);
        });
    }

    [Test]
    public void DefaultTargetsImproveTheBaselineByArchGymsFactors()
    {
        using var env = Make();
        var baseline = PimEnvironments.Baseline();
        var report = new PimSimulator().Run(baseline, Short);
        var targets = env.Task.Targets.ToDictionary();
        Assert.Multiple(() =>
        {
            Assert.That(baseline, Is.EqualTo(new PimConfig()), "PIM-GPT's GDDR6-AiM defaults");
            Assert.That(targets["latency_per_token_us"], Is.EqualTo(report.LatencyPerTokenUs * 0.80).Within(1e-9));
            Assert.That(targets["energy_per_token_uj"], Is.EqualTo(report.EnergyPerTokenUj * 0.70).Within(1e-9));
            Assert.That(targets["area_mm2"], Is.EqualTo(PimAreaModel.Estimate(baseline).TotalMm2 * 0.85).Within(1e-9));
            Assert.That(env.Task.Reward.Name, Is.EqualTo("relu_excess"));
        });
        env.Reset(0);
        var atBaseline = env.Step(env.ActionSpace.Parse(Knobs()));
        // relu_excess of the baseline: 1/0.8 - 1 + 1/0.7 - 1 + 1/0.85 - 1.
        Assert.That(atBaseline.Reward, Is.EqualTo(-(0.25 + 3.0 / 7 + 0.15 / 0.85)).Within(1e-9));
    }

    [Test]
    public void BaselineDeviceMovesTheDefaultTargetsAndUserTargetsOverrideThem()
    {
        using var hbm = Make(("baseline_device", "hbm2_pim"));
        var hbmBaseline = PimEnvironments.Baseline("HBM2_PIM");
        using var user = Make(("targets", "latency_per_token_us=50"), ("reward", "closeness"));
        Assert.Multiple(() =>
        {
            Assert.That(hbm.Task.Targets.ToDictionary()["latency_per_token_us"],
                Is.EqualTo(new PimSimulator().Run(hbmBaseline, Short).LatencyPerTokenUs * 0.80).Within(1e-9));
            Assert.That(hbmBaseline.Channels, Is.EqualTo(64));
            Assert.That(user.Task.Targets.ToDictionary(), Is.EqualTo(new Dictionary<string, double> { ["latency_per_token_us"] = 50 }));
            Assert.That(user.Task.Reward.Name, Is.EqualTo("closeness"));
        });
    }

    [TestCase(-1)]
    [TestCase(3)]
    [TestCase(11)]
    public void SamePointGivesTheSameObservationInAFreshEnvironment(int seed)
    {
        using var a = Make();
        using var b = Make();
        // seed -1: a fixed non-default point; otherwise a random one (feasible or not).
        var knobs = seed < 0
            ? Knobs("HBM2_PIM", 16, 32, 8, 256, 2000, 1024, "row-major")
            : a.ActionSpace.Parameters.ToDictionary(p => p.Name, p => p.Format(p.Sample(new Random(seed))));
        a.Reset(1);
        b.Reset(2);
        var first = a.Step(a.ActionSpace.Parse(knobs));
        var second = b.Step(b.ActionSpace.Parse(knobs));
        Assert.Multiple(() =>
        {
            if (seed < 0) Assert.That(first.Info.Feasible, Is.True, first.Info.InfeasibleReason);
            Assert.That(second.Info.Feasible, Is.EqualTo(first.Info.Feasible));
            Assert.That(second.Observation.Values, Is.EqualTo(first.Observation.Values));
            Assert.That(second.Info.InfeasibleReason, Is.EqualTo(first.Info.InfeasibleReason));
        });
    }

    [Test]
    public void WorkloadOptionsAreCheckedWithClearMessages()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<InvalidConfigException>(() => Make(("model", "gpt5")))!.Message, Does.Contain("gpt5").And.Contain("gpt2-small"));
            Assert.That(Assert.Throws<InvalidConfigException>(() => Make(("prompt", "1000"), ("tokens", "100")))!.Message, Does.Contain("1024"));
            Assert.That(Assert.Throws<ArgumentException>(() => Make(("tokens", "0")))!.Message, Does.Contain("'tokens'"));
            Assert.That(Assert.Throws<ArgumentException>(() => Make(("baseline_device", "ddr4")))!.Message, Does.Contain("GDDR6_AIM"));
        });
    }

    [Test]
    public void DefaultsAreGpt2SmallWith64Plus64Tokens()
    {
        using var env = PimEnvironments.Create(new EnvironmentOptions(new Dictionary<string, string> { ["targets"] = "area_mm2=1" }));
        Assert.That(env.GptWorkload, Is.EqualTo(GptWorkload.Of("gpt2-small", 64, 64)));
    }
}
