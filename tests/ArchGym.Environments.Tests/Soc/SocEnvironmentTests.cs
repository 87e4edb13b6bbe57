using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Soc;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Environments.Tests.Soc;

public class SocEnvironmentTests
{
    /// <summary>DS3's standard mix, 20 ms runs with 2 ms warm-up (short enough for tests).</summary>
    private static SocEnvironment Make(params (string Key, string Value)[] extra)
    {
        var options = new Dictionary<string, string> { ["sim_length_us"] = "20000", ["warmup_us"] = "2000" };
        foreach (var (k, v) in extra) options[k] = v;
        return SocEnvironments.Create(new EnvironmentOptions(options));
    }

    private static DesignPoint Point(SocEnvironment env, int a7, int a15, int mm, int fft, int vit, string scheduler) =>
        env.ActionSpace.Parse(new Dictionary<string, string>
        {
            ["a7_pes"] = $"{a7}", ["a15_pes"] = $"{a15}", ["mm_pes"] = $"{mm}", ["fft_pes"] = $"{fft}", ["vit_pes"] = $"{vit}",
            ["scheduler"] = scheduler,
        });

    private static SocWorkload StandardMix => SocWorkload.Of((JobCatalog.WifiTransmitter, 0.8), (JobCatalog.WifiReceiver, 0.2));

    [Test]
    public void KnobsAreThePeCountsOfTheDashSocAndTheSchedulers()
    {
        using var env = Make();
        Assert.Multiple(() =>
        {
            Assert.That(env.ActionSpace.Names, Is.EqualTo(new[] { "a7_pes", "a15_pes", "mm_pes", "fft_pes", "vit_pes", "scheduler" }));
            Assert.That(((CategoricalParameter)env.ActionSpace["scheduler"]).Choices, Is.EqualTo(new[] { "MET", "ETF", "EFT", "STF", "HEFT", "HEFT_RT", "random" }));
            Assert.That(env.Knobs.Select(k => k.BaseCount), Is.EqualTo(new[] { 4, 4, 2, 4, 2 }));
            Assert.That(env.Metrics.Select(m => m.Name), Is.EqualTo(new[] { "avg_job_latency_us", "energy_mj", "area_mm2", "edp_us_j" }));
            Assert.That(((IntegerParameter)env.ActionSpace["a15_pes"]).Max, Is.EqualTo(8));
        });
    }

    [Test]
    public void DesignPointBuildsThePlatformWithTheBuilderAndTheResetSeed()
    {
        using var env = Make();
        env.Reset(7);
        var point = Point(env, 2, 6, 1, 4, 0, "HEFT_RT");
        var config = env.ToConfig(point);
        var expected = SocPlatformBuilder.WithCores(SocCatalog.Get(SocCatalog.DashStandard),
            new Dictionary<string, int> { ["A7"] = 2, ["A15"] = 6, ["MM"] = 1, ["FFT"] = 4, ["VIT"] = 0 });
        Assert.Multiple(() =>
        {
            Assert.That(SocPlatformBuilder.CoreCounts(config.Platform), Is.EqualTo(SocPlatformBuilder.CoreCounts(expected)));
            Assert.That(config.Platform.PeCount, Is.EqualTo(expected.PeCount));
            Assert.That(config.Platform.Name, Is.EqualTo(expected.Name));
            Assert.That(config.Scheduler, Is.EqualTo(SchedulerKind.HeftRt));
            Assert.That(config.Seed, Is.EqualTo(7));
            Assert.That((config.SimulationLengthUs, config.WarmupUs, config.MeanInterArrivalUs), Is.EqualTo((20_000.0, 2_000.0, 200.0)));
        });
    }

    [Test]
    public void StepObservesWhatTheSimulatorReports()
    {
        using var env = Make();
        env.Reset(3);
        var point = Point(env, 3, 3, 1, 3, 1, "ETF");
        var step = env.Step(point);
        var platform = SocPlatformBuilder.WithCores(SocCatalog.Get(SocCatalog.DashStandard),
            new Dictionary<string, int> { ["A7"] = 3, ["A15"] = 3, ["MM"] = 1, ["FFT"] = 3, ["VIT"] = 1 });
        var report = new SocSimulator().Run(new SocConfig
        {
            Platform = platform, Scheduler = SchedulerKind.Etf, SimulationLengthUs = 20_000, WarmupUs = 2_000, MeanInterArrivalUs = 200, Seed = 3,
        }, StandardMix);
        var area = 3 * 0.45 + 3 * 0.45 / 0.13 + PeAreaTable.Dash28nm.AreaMm2ByCluster["MM"] + 3 * PeAreaTable.Dash28nm.AreaMm2ByCluster["FFT"]
            + PeAreaTable.Dash28nm.AreaMm2ByCluster["VIT"];
        Assert.Multiple(() =>
        {
            Assert.That(step.Info.Feasible, Is.True, step.Info.InfeasibleReason);
            Assert.That(step.Observation.Values, Is.EqualTo(new[] { report.MeanLatencyUs, report.EnergyJ * 1e3, area, report.EdpUsJ }).Within(1e-9));
            Assert.That(step.Observation.Values[2], Is.EqualTo(PeAreaTable.Dash28nm.TotalMm2(platform)).Within(1e-12));
            Assert.That(step.Info.Extra!["completed_jobs"], Is.EqualTo(report.CompletedJobs).And.GreaterThan(20));
            Assert.That(step.Info.Extra!["p95_job_latency_us"], Is.EqualTo(report.P95LatencyUs));
        });
    }

    [Test]
    public void SameSeedGivesIdenticalMetricsAndOtherSeedsOtherSamples()
    {
        using var env = Make();
        double[] Run(int seed)
        {
            env.Reset(seed);
            return env.Step(Point(env, 4, 4, 2, 4, 2, "HEFT_RT")).Observation.Values.ToArray();
        }

        var a = Run(11);
        var again = Run(11);
        var other = Run(12);
        using var fresh = Make();
        fresh.Reset(11);
        var freshA = fresh.Step(Point(fresh, 4, 4, 2, 4, 2, "HEFT_RT")).Observation.Values.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(a));
            Assert.That(freshA, Is.EqualTo(a));
            Assert.That(other[0], Is.Not.EqualTo(a[0]), "another seed draws another job stream");
            Assert.That(other[2], Is.EqualTo(a[2]), "the design (area) is the same");
        });
    }

    [Test]
    public void AreaBudgetDefaultsToTheStandardDashSocAndIsAConstraint()
    {
        using var env = Make();
        var standard = PeAreaTable.Dash28nm.TotalMm2(SocCatalog.Get(SocCatalog.DashStandard));
        var fits = Point(env, 4, 4, 2, 4, 2, "ETF");
        var oneMoreBigCore = Point(env, 4, 5, 2, 4, 2, "ETF");
        var tradeBigForLittle = Point(env, 8, 3, 2, 4, 2, "ETF");
        env.Reset(0);
        var step = env.Step(oneMoreBigCore);
        Assert.Multiple(() =>
        {
            Assert.That(standard, Is.InRange(15.5, 16.5));
            Assert.That(env.ActionSpace.IsFeasible(fits), Is.True);
            Assert.That(env.ActionSpace.IsFeasible(tradeBigForLittle), Is.True, "4 A7 (1.8 mm2) fit where one A15 (3.46 mm2) was");
            Assert.That(env.ActionSpace.IsFeasible(oneMoreBigCore), Is.False);
            Assert.That(step.Info.Feasible, Is.False);
            Assert.That(step.Info.InfeasibleReason, Does.Contain("area_budget").And.Contain("15.9"));
            Assert.That(step.Reward, Is.NaN);
        });
        using var small = Make(("area_budget_mm2", "5"));
        Assert.That(small.ActionSpace.IsFeasible(Point(small, 4, 4, 2, 4, 2, "ETF")), Is.False);
        Assert.That(small.ActionSpace.IsFeasible(Point(small, 4, 0, 2, 4, 2, "ETF")), Is.True);
    }

    [Test]
    public void TasksWithoutACapablePeAreInfeasibleWithTheTaskNamed()
    {
        using var env = Make();
        env.Reset(0);
        var noViterbi = env.Step(Point(env, 0, 0, 2, 4, 0, "ETF"));
        var nothing = env.Step(Point(env, 0, 0, 0, 0, 0, "MET"));
        var acceleratorsOnly = env.Step(Point(env, 0, 0, 2, 4, 2, "ETF"));
        Assert.Multiple(() =>
        {
            Assert.That(noViterbi.Info.Feasible, Is.False);
            Assert.That(noViterbi.Info.InfeasibleReason, Does.StartWith("no PE can run task").And.Contain("job_WIFI_5").And.Contain("A7 or A15"));
            Assert.That(noViterbi.Observation.Values, Has.All.NaN);
            Assert.That(nothing.Info.Feasible, Is.False);
            Assert.That(nothing.Info.InfeasibleReason, Does.StartWith("no PE can run task"));
            Assert.That(acceleratorsOnly.Info.Feasible, Is.False, "WiFi TX's scrambler and friends need a CPU");
        });
    }

    [Test]
    public void DefaultTargetsImproveTheEtfBaselineAndUserTargetsOverride()
    {
        using var env = Make();
        var baseline = new SocSimulator().Run(new SocConfig
        {
            Platform = SocCatalog.Get(SocCatalog.DashStandard), Scheduler = SchedulerKind.Etf, SimulationLengthUs = 20_000, WarmupUs = 2_000, Seed = 0,
        }, StandardMix);
        var targets = env.Task.Targets.ToDictionary();
        Assert.Multiple(() =>
        {
            Assert.That(targets.Keys, Is.EquivalentTo(new[] { "avg_job_latency_us", "energy_mj" }));
            Assert.That(targets["avg_job_latency_us"], Is.EqualTo(baseline.MeanLatencyUs * 0.8).Within(1e-9));
            Assert.That(targets["energy_mj"], Is.EqualTo(baseline.EnergyJ * 1e3 * 0.7).Within(1e-9));
        });
        env.Reset(0);
        var atBaseline = env.Step(Point(env, 4, 4, 2, 4, 2, "ETF"));
        Assert.That(atBaseline.Reward, Is.EqualTo(-(0.25 + 3.0 / 7)).Within(1e-9), "relu_excess of the baseline: 1/0.8 - 1 + 1/0.7 - 1");

        using var own = Make(("targets", "edp_us_j=10"), ("reward", "closeness"));
        Assert.That(own.Task.Targets.ToDictionary(), Is.EqualTo(new Dictionary<string, double> { ["edp_us_j"] = 10 }));
    }

    [Test]
    public void WorkloadOptionsTakeNamesFilesAndRates()
    {
        var dir = Path.Combine(Path.GetTempPath(), "archgym-soc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "job_mine.txt");
            File.WriteAllText(file, "job_name Mine\nadd_new_tasks 2\nscrambler_encoder 0\nscrambler_encoder HEAD\nscrambler_encoder earliest_start 0 deadline 10\n" +
                "interleaver_1 1 0\ninterleaver_1 TAIL\ninterleaver_1 earliest_start 0 deadline 10\ncomm_vol 0 1 100\n");
            using var env = Make(("jobs", $"{file} 0.5 / WiFi_RX 0.5"), ("mean_interarrival_us", "100"));
            Assert.That(env.Scenario.Workload.Mix.Select(m => m.Job.Name), Is.EqualTo(new[] { "Mine", "WiFi_Receiver" }));
            Assert.That(env.Scenario.MeanInterArrivalUs, Is.EqualTo(100));
            env.Reset(0);
            Assert.That(env.Step(Point(env, 1, 1, 0, 0, 0, "MET")).Info.Feasible, Is.True, "Mine and WiFi RX run on CPUs alone");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void BadOptionsAreClearErrors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Catch(() => Make(("soc", "SoC.Nope")))!.Message, Does.Contain("SoC.Nope").And.Contain("SoC.MULTIPLE_BAL"));
            Assert.That(Assert.Catch(() => Make(("soc", "/no/SoC.x.txt")))!.Message, Does.Contain("not found"));
            Assert.That(Assert.Catch(() => Make(("jobs", "WiFi_TX 0.5 / Nope 0.5")))!.Message, Does.Contain("Nope").And.Contain("job_WIFI_5TXM"));
            Assert.That(Assert.Throws<InvalidConfigException>(() => Make(("jobs", "WiFi_TX 0.5 / WiFi_RX 0.4")))!.Message, Does.Contain("summing to 1"));
            Assert.That(Assert.Catch(() => Make(("jobs", "WiFi_TX")))!.Message, Does.Contain("probability"));
            Assert.That(Assert.Catch(() => Make(("warmup_us", "30000")))!.Message, Does.Contain("warmup_us"));
            Assert.That(Assert.Catch(() => Make(("soc", "SoC.Top"), ("jobs", "Top 1")))!.Message, Does.Contain("core_area_mm2").And.Contain("P1"));
        });
    }

    [Test]
    public void RegistersWithItsOptionsAndMakesByName()
    {
        var registry = new EnvironmentRegistry();
        SocEnvironments.Register(registry);
        var spec = registry.Get("soc-v0");
        Assert.That(spec.Options.Select(o => o.Name), Is.SupersetOf(new[]
            { "soc", "jobs", "mean_interarrival_us", "sim_length_us", "warmup_us", "area_budget_mm2", "max_pes_per_type", "targets", "reward" }));
        using var env = registry.Make("soc-v0", new Dictionary<string, string> { ["sim_length_us"] = "5000", ["warmup_us"] = "0", ["max_pes_per_type"] = "4" });
        Assert.That(env.ActionSpace.Size, Is.EqualTo(5 * 5 * 5 * 5 * 5 * 7));
    }
}
