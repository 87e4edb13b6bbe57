using System.Globalization;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Dram;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;
using static ArchGym.Environments.Tests.Dram.DramEnvironmentTests;

namespace ArchGym.Environments.Tests.Dram;

/// <summary><c>dram-v0</c>'s rewards (DRAMGym's power/latency/both and the generic ones), default targets, and option and trace errors.</summary>
public class DramTaskAndOptionTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "dramenv-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static double[] StepArchGymPolicy(DramEnvironment env, out double reward)
    {
        env.Reset(0);
        var step = env.Step(env.ActionSpace.Parse(ArchGymPolicy()));
        reward = step.Reward;
        return step.Observation.Values.ToArray();
    }

    [Test]
    public void DefaultTargetsHalveTheArchGymPolicysLatencyForAtMost60PercentMorePower()
    {
        using var env = Make(("workload", "cloud-1"));
        var baseline = new DramSimulator().Run(DramConfig.ArchGymDefault(), TraceGenerators.ArchGym("cloud-1", 0));
        var targets = env.Task.Targets.ToDictionary();
        var values = StepArchGymPolicy(env, out var reward);
        Assert.Multiple(() =>
        {
            Assert.That(targets.Keys, Is.EquivalentTo(new[] { "power_mw", "latency_ns" }));
            Assert.That(targets["latency_ns"], Is.EqualTo(baseline.SimulatedTimeNs * 0.5).Within(1e-9));
            Assert.That(targets["power_mw"], Is.EqualTo(baseline.AveragePowerMilliwatts * 1.6).Within(1e-9));
            Assert.That(env.Task.Reward.Name, Is.EqualTo("relu_excess"));
            Assert.That(values[2], Is.EqualTo(baseline.SimulatedTimeNs));
            // relu_excess at the baseline: latency is twice its target (excess 1), power is under its own.
            Assert.That(reward, Is.EqualTo(-1.0).Within(1e-12));
        });
    }

    [TestCase("power", "power_mw", 0.85)]
    [TestCase("latency", "latency_ns", 0.5)]
    public void SingleDramGymFormulationsDefaultToOneImprovingTargetAndStopWhenItIsMet(string formulation, string metric, double factor)
    {
        using var env = Make(("workload", "cloud-1"), ("reward", formulation));
        var baseline = new DramSimulator().Run(DramConfig.ArchGymDefault(), TraceGenerators.ArchGym("cloud-1", 0));
        var targets = env.Task.Targets.ToDictionary();
        var value = metric == "power_mw" ? baseline.AveragePowerMilliwatts : baseline.SimulatedTimeNs;
        Assert.Multiple(() =>
        {
            Assert.That(targets.Keys, Is.EqualTo(new[] { metric }));
            Assert.That(targets[metric], Is.EqualTo(value * factor).Within(1e-9 * value));
        });

        // A random search meets the single target within a few hundred points, and the episode then terminates.
        var rng = new Random(3);
        env.Reset(0);
        var met = Enumerable.Range(0, 400).Select(_ => env.ActionSpace.Sample(rng)).Select(p => env.Step(p)).FirstOrDefault(r => r.Terminated);
        Assert.That(met, Is.Not.Null, $"a design meeting {metric} <= {targets[metric]:F0}");
        Assert.That(met!.Observation.Values[metric == "power_mw" ? 1 : 2], Is.LessThanOrEqualTo(targets[metric]));
    }

    [TestCase("power")]
    [TestCase("latency")]
    [TestCase("both")]
    public void DramGymFormulationsAreTargetOverDistance(string formulation)
    {
        const double targetPower = 1000, targetLatency = 100_000; // ArchGym's DRAMSys_config targets: 1 W and 0.1 ms
        using var env = Make(("reward", formulation), ("targets", $"power_mw={targetPower},latency_ns={targetLatency}"));
        var v = StepArchGymPolicy(env, out var reward);
        double power = targetPower / Math.Abs(v[1] - targetPower), latency = targetLatency / Math.Abs(v[2] - targetLatency);
        var expected = formulation switch { "power" => power, "latency" => latency, _ => power * latency };
        Assert.Multiple(() =>
        {
            Assert.That(reward, Is.EqualTo(expected).Within(1e-12 * expected));
            Assert.That(env.Task.Reward.Name, Is.EqualTo(formulation));
        });
    }

    [Test]
    public void GenericFormulationsStillWork()
    {
        using var env = Make(("reward", "weighted_sum"), ("targets", "energy_nj=100000"), ("weights", "energy_nj=2"));
        var v = StepArchGymPolicy(env, out var reward);
        Assert.That(reward, Is.EqualTo(-2 * v[0] / 100_000).Within(1e-12));
    }

    [Test]
    public void BadOptionsFailWithTheOptionAndWhatIsAllowed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<InvalidConfigException>(() => Make(("standard", "DDR9")))!.Message,
                Does.Contain("DDR9").And.Contain("DDR4_2400_4Gb_x8"));
            Assert.That(Assert.Throws<InvalidConfigException>(() => Make(("workload", "zipf")))!.Message,
                Does.Contain("zipf").And.Contain("cloud-2"));
            Assert.That(Assert.Throws<ArgumentException>(() => Make(("reward", "speed")))!.Message,
                Does.Contain("'reward'").And.Contain("both").And.Contain("relu_excess"));
            Assert.That(Assert.Throws<ArgumentException>(() => Make(("reward", "power"), ("targets", "latency_ns=5")))!.Message,
                Does.Contain("power_mw"));
            Assert.That(Assert.Throws<ArgumentException>(() => Make(("trace_format", "csv")))!.Message, Does.Contain("dramsim3"));
            Assert.That(Assert.Throws<InvalidConfigException>(() => Make(("address_mapping", "row,bank,colum")))!.Message, Does.Contain("colum"));
            Assert.That(Assert.Throws<ArgumentException>(() => Make(("trace_seed", "-1")))!.Message, Does.Contain("'trace_seed'"));
        });
    }

    [Test]
    public void AMalformedTraceFailsWhenTheEnvironmentIsMadeNamingFileAndLine()
    {
        var path = Path.Combine(_dir, "bad.stl");
        File.WriteAllLines(path, ["0:\tread\t0x0", "# a comment", "1:\tread\t0x40", "2:\tfetch\t0x80"]);
        var e = Assert.Throws<InvalidConfigException>(() => Make(("workload", path)))!;
        Assert.That(e.Message, Does.Contain($"{path}:4").And.Contain("fetch"));
    }

    [Test]
    public void EmptyMissingAndOutOfRangeTracesFailClearly()
    {
        var empty = Path.Combine(_dir, "empty.stl");
        File.WriteAllLines(empty, ["# nothing here"]);
        var far = Path.Combine(_dir, "far.stl");
        File.WriteAllLines(far, ["0:\tread\t0x0", "1:\tread\t0x40000000"]); // 1 GiB: just beyond DDR3-1600 1Gb x8's 1 GiB
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<InvalidConfigException>(() => Make(("workload", empty)))!.Message, Does.Contain("empty"));
            Assert.That(Assert.Throws<InvalidConfigException>(() => Make(("workload", Path.Combine(_dir, "none.stl"))))!.Message,
                Does.Contain("none.stl"));
            Assert.That(Assert.Throws<InvalidConfigException>(() => Make(("workload", far)))!.Message, Does.Contain("far.stl"));
            Assert.DoesNotThrow(() => Make(("workload", far), ("standard", "DDR4_2400_4Gb_x8")).Dispose(), "4 GiB holds it");
        });
    }

    [TestCase("stl")]
    [TestCase("dramsim3")]
    public void ATraceFileGivesTheSameResultsAsTheSameRequestsGenerated(string format)
    {
        var path = Path.Combine(_dir, "cloud.trace");
        var lines = TraceGenerators.ArchGym("cloud-2", 4).Read().Select(r => format == "stl"
            ? string.Create(CultureInfo.InvariantCulture, $"{r.Cycle}:\tread\t0x{r.Address:X}")
            : string.Create(CultureInfo.InvariantCulture, $"0x{r.Address:X} READ {r.Cycle}"));
        File.WriteAllLines(path, lines);
        using var fromFile = Make(("workload", path), ("trace_format", format));
        using var generated = Make(("workload", "cloud-2"), ("trace_seed", "4"));
        var a = StepArchGymPolicy(fromFile, out _);
        var b = StepArchGymPolicy(generated, out _);
        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(b));
            Assert.That(fromFile.Workload, Is.EqualTo("cloud.trace"));
        });
    }

    private static string? ReferenceDir()
    {
        for (var d = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "shared", "reference", "dram"))) return Path.Combine(d.FullName, "shared", "reference", "dram");
        return null;
    }

    public static IEnumerable<TestCaseData> ArchGymRows()
    {
        var dir = ReferenceDir();
        if (dir is null) yield break;
        var lines = File.ReadAllLines(Path.Combine(dir, "archgym-configs", "sample_default_policy.csv"));
        var header = lines[0].Split(',');
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var row = header.Zip(line.Split(',', header.Length)).ToDictionary(p => p.First, p => p.Second);
            yield return new TestCaseData(row["trace"], N(row["total_time_ns"]), N(row["total_energy_pJ"]), N(row["avg_power_mW"])).SetName($"ArchGymTraces_{row["trace"]}");
        }

        static double N(string text) => double.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>With <c>archgym_traces</c>, the four workloads are ArchGym's own files: its default point then observes
    /// what DRAMSys 5 + DRAMPower report for them (<c>archgym-configs/sample_default_policy.csv</c>) within 0.01 %.</summary>
    [TestCaseSource(nameof(ArchGymRows))]
    public void ArchGymsOwnTracesAtItsDefaultPolicyMatchDramSysWithDramPower(string workload, double totalTimeNs, double energyPj, double powerMw)
    {
        using var env = Make(("workload", workload), ("archgym_traces", Path.Combine(ReferenceDir()!, "archgym-traces")));
        var v = StepArchGymPolicy(env, out _);
        Assert.Multiple(() =>
        {
            Assert.That(env.Workload, Is.EqualTo(workload));
            Assert.That(v[2], Is.EqualTo(totalTimeNs).Within(0.01).Percent, "latency_ns = DRAMSys total time");
            Assert.That(v[0], Is.EqualTo(energyPj / 1000).Within(0.01).Percent, "energy_nj");
            Assert.That(v[1], Is.EqualTo(powerMw).Within(0.01).Percent, "power_mw");
        });
    }

    [Test]
    public void ArchGymTracesFolderWithoutTheFileIsRefused() =>
        Assert.That(Assert.Throws<InvalidConfigException>(() => Make(("workload", "cloud-2"), ("archgym_traces", Path.GetTempPath())))!.Message,
            Does.Contain("archgym_traces").And.Contain("cloud-2.stl"));

    [Test]
    public void RegisteredWithItsOptions()
    {
        var registry = new EnvironmentRegistry();
        DramEnvironments.Register(registry);
        var spec = registry.Get("dram-v0");
        Assert.That(spec.Options.Select(o => o.Name), Is.SupersetOf(new[] { "workload", "trace_seed", "standard", "reward", "targets" }));
        using var env = registry.Make("dram-v0", new Dictionary<string, string> { ["workload"] = "stream" });
        Assert.That(env.Workload, Is.EqualTo("stream"));
    }
}
