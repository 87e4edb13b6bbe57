using ArchGym.Environments.Core.MultiAgent;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Dram;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Environments.Tests.Dram;

/// <summary><c>dram-v0</c>: DRAMGym's ten knobs to the controller, observations from the simulator, infeasible points, determinism.</summary>
public class DramEnvironmentTests
{
    internal static DramEnvironment Make(params (string Key, string Value)[] options) =>
        DramEnvironments.Create(new EnvironmentOptions(options.ToDictionary(o => o.Key, o => o.Value)));

    /// <summary>ArchGym's policy.json as knob values (Open, Fifo, Bankwise, 1, Fifo, NoRefresh, 1, 1, Simple, 1).</summary>
    internal static Dictionary<string, string> ArchGymPolicy() => new()
    {
        ["PagePolicy"] = "Open", ["Scheduler"] = "Fifo", ["SchedulerBuffer"] = "Bankwise", ["RequestBufferSize"] = "1",
        ["RespQueue"] = "Fifo", ["RefreshPolicy"] = "NoRefresh", ["RefreshMaxPostponed"] = "1", ["RefreshMaxPulledin"] = "1",
        ["Arbiter"] = "Simple", ["MaxActiveTransactions"] = "1",
    };

    private static Dictionary<string, string> With(string knob, string value)
    {
        var k = ArchGymPolicy();
        k[knob] = value;
        return k;
    }

    [Test]
    public void HasExactlyDramGymsTenKnobsWithDramSysValueNames()
    {
        using var env = Make();
        var space = env.ActionSpace;
        string[] Domain(string name) => Enumerable.Range(0, space[name].Cardinality!.Value).Select(i => space[name].Format(space[name].ValueAt(i))).ToArray();
        string[] pow2(int max) => Enumerable.Range(0, 8).Select(i => 1 << i).TakeWhile(v => v <= max).Select(v => v.ToString()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(space.Names, Is.EqualTo(new[]
            {
                "PagePolicy", "Scheduler", "SchedulerBuffer", "RequestBufferSize", "RespQueue", "RefreshPolicy",
                "RefreshMaxPostponed", "RefreshMaxPulledin", "Arbiter", "MaxActiveTransactions",
            }));
            Assert.That(space.Names, Is.EqualTo(ControllerKnobs.DesignKnobs));
            Assert.That(Domain("PagePolicy"), Is.EqualTo(new[] { "Open", "OpenAdaptive", "Closed", "ClosedAdaptive" }));
            Assert.That(Domain("Scheduler"), Is.EqualTo(new[] { "Fifo", "FrFcfs", "FrFcfsGrp" }));
            Assert.That(Domain("SchedulerBuffer"), Is.EqualTo(new[] { "Bankwise", "ReadWrite", "Shared" }));
            Assert.That(Domain("RequestBufferSize"), Is.EqualTo(pow2(128)));
            Assert.That(Domain("RespQueue"), Is.EqualTo(new[] { "Fifo", "Reorder" }));
            Assert.That(Domain("RefreshPolicy"), Is.EqualTo(new[] { "NoRefresh", "AllBank", "PerBank" }));
            Assert.That(Domain("RefreshMaxPostponed"), Is.EqualTo(new[] { "1", "2", "4", "8" }));
            Assert.That(Domain("RefreshMaxPulledin"), Is.EqualTo(new[] { "1", "2", "4", "8" }));
            Assert.That(Domain("Arbiter"), Is.EqualTo(new[] { "Simple", "Fifo", "Reorder" }));
            Assert.That(Domain("MaxActiveTransactions"), Is.EqualTo(pow2(128)));
            Assert.That(space.Size, Is.EqualTo(4.0 * 3 * 3 * 8 * 2 * 3 * 4 * 4 * 3 * 8));
            Assert.That(env.Metrics.Select(m => m.Name), Is.EqualTo(new[] { "energy_nj", "power_mw", "latency_ns" }));
        });
    }

    [Test]
    public void ArchGymsDefaultPointIsPolicyJson()
    {
        using var env = Make();
        var point = env.ActionSpace.Parse(ArchGymPolicy());
        var config = env.ToConfig(point);
        Assert.Multiple(() =>
        {
            Assert.That(config.Controller, Is.EqualTo(ControllerConfig.ArchGymDefault));
            Assert.That(config.Standard, Is.EqualTo("DDR3_1600_1Gb_x8"));
            Assert.That(env.Workload, Is.EqualTo("random"));
        });
    }

    private static readonly Func<ControllerConfig, string>[] Fields =
    [
        c => c.PagePolicy.ToString(), c => c.Scheduler.ToString(), c => c.SchedulerBuffer.ToString(),
        c => $"{c.RequestBufferSize}/{c.RequestBufferSizeRead}/{c.RequestBufferSizeWrite}", c => c.RespQueue.ToString(),
        c => c.RefreshPolicy.ToString(), c => c.RefreshMaxPostponed.ToString(), c => c.RefreshMaxPulledin.ToString(),
        c => c.Arbiter.ToString(), c => c.MaxActiveTransactions.ToString(),
    ];

    [Test]
    public void EveryKnobValueSetsItsOwnControllerFieldAndNothingElse()
    {
        using var env = Make();
        var space = env.ActionSpace;
        var baseline = DramEnvironment.ToController(space.Parse(ArchGymPolicy()));
        for (var k = 0; k < space.Count; k++)
        {
            var p = space[k];
            for (var i = 0; i < p.Cardinality; i++)
            {
                var text = p.Format(p.ValueAt(i));
                var c = DramEnvironment.ToController(space.Parse(With(p.Name, text)));
                var expected = p.Name == "RequestBufferSize" ? $"{text}/{text}/{text}" : text;
                Assert.That(Fields[k](c), Is.EqualTo(expected), $"{p.Name}={text}");
                for (var j = 0; j < Fields.Length; j++)
                    if (j != k) Assert.That(Fields[j](c), Is.EqualTo(Fields[j](baseline)), $"{p.Name}={text} leaves {space[j].Name} alone");
            }
        }
    }

    [Test]
    public void StepObservesWhatTheSimulatorReports()
    {
        using var env = Make(("workload", "cloud-1"));
        env.Reset(0);
        var knobs = new Dictionary<string, string>
        {
            ["PagePolicy"] = "OpenAdaptive", ["Scheduler"] = "FrFcfs", ["SchedulerBuffer"] = "Shared", ["RequestBufferSize"] = "16",
            ["RespQueue"] = "Reorder", ["RefreshPolicy"] = "AllBank", ["RefreshMaxPostponed"] = "4", ["RefreshMaxPulledin"] = "2",
            ["Arbiter"] = "Fifo", ["MaxActiveTransactions"] = "32",
        };
        var point = env.ActionSpace.Parse(knobs);
        var report = new DramSimulator().Run(DramConfig.Create("DDR3_1600_1Gb_x8", knobs), TraceGenerators.ArchGym("cloud-1", 0));
        var step = env.Step(point);
        Assert.Multiple(() =>
        {
            Assert.That(step.Info.Feasible, Is.True, step.Info.InfeasibleReason);
            Assert.That(step.Observation.Values, Is.EqualTo(new[] { report.TotalEnergyPicojoules / 1000, report.AveragePowerMilliwatts, report.SimulatedTimeNs }));
            Assert.That(step.Info.Extra!["bandwidth_gbps"], Is.EqualTo(report.BandwidthGBps));
            Assert.That(step.Info.Extra!["row_hit_rate"], Is.EqualTo(report.RowBufferHitRate));
            Assert.That(report.Refreshes, Is.GreaterThan(0), "AllBank refreshes");
        });
    }

    [TestCase("random", "PagePolicy,Scheduler,SchedulerBuffer,RequestBufferSize,RespQueue,RefreshPolicy,RefreshMaxPostponed,Arbiter,MaxActiveTransactions")]
    [TestCase("bursty", "RefreshMaxPulledin")]
    public void EachKnobChangesTheSimulation(string workload, string knobs)
    {
        // From a point where every knob matters (refresh on, deep buffers, a Fifo arbiter), moving one knob changes the
        // observation: on ArchGym's random trace (saturated: FR-FCFS finds the few row hits FIFO misses), and, for
        // refresh pull-in (which needs idle time), on 200 reads, an idle stretch of several refresh intervals, then a burst.
        var path = Path.Combine(Path.GetTempPath(), $"dramenv-bursty-{Guid.NewGuid():N}.stl");
        var bursty = TraceGenerators.Random(200, 1UL << 30, 0, 5).Read()
            .Concat(TraceGenerators.Random(8000, 1UL << 30, 0, 6).Read().Select(r => r with { Cycle = 40_000 }));
        File.WriteAllLines(path, bursty.Select(r => $"{r.Cycle}:\tread\t0x{r.Address:X}"));
        try
        {
            using var env = Make(("workload", workload == "bursty" ? path : workload), ("terminate_on_target", "false"));
            env.Reset(0);
            var start = new Dictionary<string, string>
            {
                ["PagePolicy"] = "Open", ["Scheduler"] = "FrFcfs", ["SchedulerBuffer"] = "Bankwise", ["RequestBufferSize"] = "8",
                ["RespQueue"] = "Fifo", ["RefreshPolicy"] = "AllBank", ["RefreshMaxPostponed"] = "1", ["RefreshMaxPulledin"] = "1",
                ["Arbiter"] = "Fifo", ["MaxActiveTransactions"] = "64",
            };
            var moves = new Dictionary<string, string>
            {
                ["PagePolicy"] = "Closed", ["Scheduler"] = "Fifo", ["SchedulerBuffer"] = "Shared", ["RequestBufferSize"] = "1",
                ["RespQueue"] = "Reorder", ["RefreshPolicy"] = "NoRefresh", ["RefreshMaxPostponed"] = "8", ["RefreshMaxPulledin"] = "8",
                ["Arbiter"] = "Simple", ["MaxActiveTransactions"] = "1",
            };
            var first = env.Step(env.ActionSpace.Parse(start)).Observation.Values.ToArray();
            foreach (var knob in knobs.Split(','))
            {
                var k = new Dictionary<string, string>(start) { [knob] = moves[knob] };
                var step = env.Step(env.ActionSpace.Parse(k));
                Assert.That(step.Info.Feasible, Is.True, $"{knob}={moves[knob]}: {step.Info.InfeasibleReason}");
                Assert.That(step.Observation.Values.ToArray(), Is.Not.EqualTo(first), $"{knob}={moves[knob]} changes energy, power or latency");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void PerBankRefreshIsInfeasibleOnDdr3WithTheSimulatorsReason()
    {
        using var env = Make();
        env.Reset(0);
        var step = env.Step(env.ActionSpace.Parse(With("RefreshPolicy", "PerBank")));
        Assert.Multiple(() =>
        {
            Assert.That(step.Info.Feasible, Is.False);
            Assert.That(step.Info.InfeasibleReason, Does.Contain("RefreshPolicy").And.Contain("per-bank"));
            Assert.That(step.Reward, Is.NaN);
            Assert.That(step.Observation.Values.All(double.IsNaN), Is.True);
        });
    }

    [TestCase(0)]
    [TestCase(5)]
    [TestCase(9)]
    public void SamePointGivesTheSameObservationInAFreshEnvironmentWhateverTheResetSeed(int seed)
    {
        using var a = Make(("workload", "cloud-1"));
        using var b = Make(("workload", "cloud-1"));
        var knobs = a.ActionSpace.Parameters.ToDictionary(p => p.Name, p => p.Format(p.Sample(new Random(seed))));
        a.Reset(1);
        b.Reset(2);
        var first = a.Step(a.ActionSpace.Parse(knobs));
        var second = b.Step(b.ActionSpace.Parse(knobs));
        Assert.Multiple(() =>
        {
            Assert.That(second.Info.Feasible, Is.EqualTo(first.Info.Feasible));
            Assert.That(second.Observation.Values, Is.EqualTo(first.Observation.Values));
            Assert.That(second.Reward, Is.EqualTo(first.Reward).Or.NaN);
        });
    }

    [Test]
    public void TraceSeedChangesTheRandomWorkloadButNotTheStream()
    {
        var point = ArchGymPolicy();
        double Latency(params (string, string)[] o)
        {
            using var env = Make(o);
            env.Reset(0);
            return env.Step(env.ActionSpace.Parse(point)).Observation.Values[2];
        }

        Assert.Multiple(() =>
        {
            Assert.That(Latency(("workload", "random"), ("trace_seed", "3")), Is.Not.EqualTo(Latency(("workload", "random"))));
            Assert.That(Latency(("workload", "stream"), ("trace_seed", "3")), Is.EqualTo(Latency(("workload", "stream"))));
        });
    }

    [Test]
    public void MultiAgentViewHasTenAgentsOnePerKnobSharingTheReward()
    {
        using var view = DramEnvironments.MultiAgent(Make());
        view.Reset(0);
        var joint = view.Environment.ActionSpace.Parse(With("Scheduler", "FrFcfs"));
        var step = view.Step(view.Split(joint));
        Assert.Multiple(() =>
        {
            Assert.That(view.Agents, Is.EqualTo(ControllerKnobs.DesignKnobs));
            Assert.That(view.Groups.Select(g => g.Parameters.Single()), Is.EqualTo(ControllerKnobs.DesignKnobs));
            Assert.That(step.Rewards, Has.Count.EqualTo(10));
            Assert.That(step.Rewards.Values, Has.All.EqualTo(step.Joint.Reward));
            Assert.That(step.Joint.Info.Feasible, Is.True);
            Assert.That(view.Join(view.Split(joint)), Is.EqualTo(joint));
        });
    }
}
