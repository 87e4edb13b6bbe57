using NUnit.Framework;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;

namespace ArchGym.Simulators.Tests.Soc;

/// <summary>The stepping API soc-sched-v0 drives: one decision at a time, observing ready tasks and PEs.</summary>
public class RlSteppingTests
{
    private static SocConfig Short(int seed = 0) =>
        Ds3SampleTests.Config(SchedulerKind.Policy, seed) with { SimulationLengthUs = 20_000, WarmupUs = 2_000 };

    [Test]
    public void EveryDecisionSeesConsistentFeatures()
    {
        var sim = new SocSimulation(Short(), Ds3SampleTests.WifiMix);
        var soc = sim.Platform;
        var decisions = 0;
        var energy = 0.0;
        while (sim.AdvanceToDecision())
        {
            Assert.That(sim.HasPendingDecision, Is.True);
            for (var i = 0; i < sim.ReadyTasks.Count; i++)
            {
                var info = sim.Describe(sim.ReadyTasks[i]);
                Assert.That(info.Task, Is.EqualTo(sim.ReadyTasks[i]));
                Assert.That(info.WaitUs, Is.GreaterThanOrEqualTo(0));
                Assert.That(info.ReadySinceUs, Is.LessThanOrEqualTo(sim.NowUs));
                Assert.That(info.JobAgeUs, Is.GreaterThanOrEqualTo(info.WaitUs));
                Assert.That(info.UpwardRankUs, Is.GreaterThanOrEqualTo(info.MeanExecutionUs));
                Assert.That(info.JobRemainingTasks, Is.InRange(1, sim.JobGraphOf(info.Job).Tasks.Count));
                Assert.That(info.JobRemainingWorkUs, Is.GreaterThanOrEqualTo(info.MeanExecutionUs - 1e-9));
                Assert.That(sim.TaskHandle(info.Job, info.TaskId), Is.EqualTo(info.Task));
                for (var c = 0; c < soc.Clusters.Count; c++)
                    Assert.That(sim.ClusterExecutionTimeUs(info.Task, c), Is.EqualTo(sim.ExecutionTimeUs(info.Task, soc.Clusters[c].FirstPe)));
            }
            for (var pe = 0; pe < soc.PeCount; pe++)
            {
                Assert.That(sim.PeBusyUntilUs(pe), Is.GreaterThanOrEqualTo(sim.NowUs));
                Assert.That(sim.IsPeBusy(pe), Is.EqualTo(sim.PeRunningTask(pe) >= 0));
                Assert.That(sim.PeQueueLength(pe), Is.EqualTo(sim.PeQueue(pe).Count));
            }
            Assert.That(sim.EnergySoFarJ, Is.GreaterThanOrEqualTo(energy * 0.99), "energy so far grows (up to thermal steps since the last event)");
            energy = sim.EnergySoFarJ;
            sim.Decide(decisions++ % sim.ReadyTasks.Count);
        }
        Assert.That(sim.HasPendingDecision, Is.False);
        var report = sim.BuildReport();
        Assert.That(sim.EnergySoFarJ, Is.EqualTo(report.EnergyJ).Within(1e-12));
        Assert.That(report.CompletedJobs, Is.EqualTo(sim.CompletedJobCount).And.GreaterThan(50));
        Assert.That(sim.CompletedLatencySumUs / sim.CompletedJobCount, Is.EqualTo(report.MeanLatencyUs).Within(1e-9));
        Assert.That(decisions, Is.EqualTo(sim.TaskCount - sim.ReadyTasks.Count));
    }

    /// <summary>The engine's precomputed per-cluster comm table agrees with int(vol / bw) on the PE x PE matrix.</summary>
    [TestCase(CommunicationMode.PeToPe, SocCatalog.DashStandard)]
    [TestCase(CommunicationMode.SharedMemory, SocCatalog.DashStandard)]
    [TestCase(CommunicationMode.PeToPe, SocCatalog.BalancedOnly)]
    public void DataReadyTimesFollowTheBandwidthMatrix(CommunicationMode mode, string socName)
    {
        var config = Short(3) with { Communication = mode, Platform = SocCatalog.Get(socName), SimulationLengthUs = 6_000 };
        var sim = new SocSimulation(config, Ds3SampleTests.WifiMix);
        var soc = sim.Platform;
        var checkedPairs = 0;
        while (sim.AdvanceToDecision())
        {
            foreach (var task in sim.ReadyTasks)
            {
                var graph = sim.JobGraphOf(sim.JobOf(task));
                var id = sim.TaskIdOf(task);
                for (var pe = 0; pe < soc.PeCount; pe++)
                {
                    var expected = sim.NowUs;
                    var preds = graph.Tasks[id].Predecessors;
                    for (var k = 0; k < preds.Count; k++)
                    {
                        var p = sim.TaskHandle(sim.JobOf(task), preds[k]);
                        var volume = graph.PredecessorVolume(id, k);
                        expected = Math.Max(expected, mode == CommunicationMode.PeToPe
                            ? sim.TaskFinishUs(p) + soc.CommunicationTimeUs(volume, sim.AssignedPe(p), pe)
                            : sim.NowUs + soc.CommunicationTimeUs(volume, soc.MemoryPe, pe));
                    }
                    Assert.That(sim.DataReadyUs(task, pe), Is.EqualTo(expected));
                    checkedPairs++;
                }
                var all = new double[soc.PeCount];
                sim.FillDataReadyUs(task, all);
                Assert.That(all, Is.EqualTo(Enumerable.Range(0, soc.PeCount).Select(pe => sim.DataReadyUs(task, pe))));
            }
            sim.Decide(0);
        }
        Assert.That(checkedPairs, Is.GreaterThan(1000));
    }

    [Test]
    public void ObservingARunDoesNotChangeIt()
    {
        SocReport Run(bool observe)
        {
            var sim = new SocSimulation(Short(2), Ds3SampleTests.WifiMix);
            var sink = 0.0;
            while (sim.AdvanceToDecision())
            {
                if (observe) sink += sim.EnergySoFarJ + sim.TemperatureCelsius + sim.Describe(sim.ReadyTasks[0]).WaitUs + sim.PeBusyUntilUs(0);
                sim.Decide(0);
            }
            Assert.That(sink, Is.GreaterThanOrEqualTo(0));
            return sim.BuildReport();
        }
        var watched = Run(observe: true);
        var unwatched = Run(observe: false);
        Assert.That((watched.EnergyJ, watched.MeanLatencyUs, watched.PeakTemperatureCelsius),
            Is.EqualTo((unwatched.EnergyJ, unwatched.MeanLatencyUs, unwatched.PeakTemperatureCelsius)));
    }

    [Test]
    public void AgentMayChooseThePeAndBadChoicesThrow()
    {
        var sim = new SocSimulation(Short(), Ds3SampleTests.WifiMix);
        Assert.That(sim.AdvanceToDecision(), Is.True);
        var task = sim.ReadyTasks[0];
        var unsupported = Enumerable.Range(0, sim.Platform.PeCount).First(pe => double.IsPositiveInfinity(sim.ExecutionTimeUs(task, pe)));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Decide(0, unsupported));
        Assert.Throws<InvalidOperationException>(() => sim.Decide(sim.ReadyTasks.Count));
        var slowest = Enumerable.Range(0, sim.Platform.PeCount).Where(pe => !double.IsPositiveInfinity(sim.ExecutionTimeUs(task, pe)))
            .MaxBy(pe => sim.ExecutionTimeUs(task, pe));
        sim.Decide(0, slowest);
        Assert.That(sim.AssignedPe(task), Is.EqualTo(slowest));
        Assert.Throws<InvalidOperationException>(() => sim.BuildReport());
    }

    [Test]
    public void BuiltInSchedulersNeverPauseAndRefuseDecisions()
    {
        var sim = new SocSimulation(Short() with { Scheduler = SchedulerKind.Etf }, Ds3SampleTests.WifiMix);
        Assert.That(sim.AdvanceToDecision(), Is.False);
        Assert.Throws<InvalidOperationException>(() => sim.Decide(0));
        Assert.That(sim.BuildReport().CompletedJobs, Is.GreaterThan(50));
    }

    [Test]
    public void FirstReadyPolicyWithEftPesIsDs3Eft()
    {
        var viaPolicy = new SocSimulator().Run(Short() with { Policy = new FirstReady() }, Ds3SampleTests.WifiMix);
        var viaEft = new SocSimulator().Run(Short() with { Scheduler = SchedulerKind.Eft }, Ds3SampleTests.WifiMix);
        Assert.That((viaPolicy.MeanLatencyUs, viaPolicy.EnergyJ), Is.EqualTo((viaEft.MeanLatencyUs, viaEft.EnergyJ)));
    }

    [Test]
    public void OldestJobFirstBeatsYoungestJobFirst()
    {
        var config = Short(4) with { MeanInterArrivalUs = 60 };
        var good = new SocSimulator().Run(config with { Policy = new ByJobAge(oldestFirst: true) }, Ds3SampleTests.WifiMix);
        var bad = new SocSimulator().Run(config with { Policy = new ByJobAge(oldestFirst: false) }, Ds3SampleTests.WifiMix);
        Assert.That(good.MeanLatencyUs, Is.LessThan(bad.MeanLatencyUs));
    }

    private sealed class FirstReady : IReadyTaskPolicy
    {
        public int ChooseReadyTask(SocSimulation simulation) => 0;
    }

    private sealed class ByJobAge(bool oldestFirst) : IReadyTaskPolicy
    {
        public int ChooseReadyTask(SocSimulation simulation)
        {
            var best = 0;
            for (var i = 1; i < simulation.ReadyTasks.Count; i++)
            {
                var age = simulation.Describe(simulation.ReadyTasks[i]).JobAgeUs;
                var bestAge = simulation.Describe(simulation.ReadyTasks[best]).JobAgeUs;
                if (oldestFirst ? age > bestAge : age < bestAge) best = i;
            }
            return best;
        }
    }
}
