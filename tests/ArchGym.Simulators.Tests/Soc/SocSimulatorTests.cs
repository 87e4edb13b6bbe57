using NUnit.Framework;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Tests.Soc;

public class SocSimulatorTests
{
    private static SocConfig Short(SchedulerKind kind, int seed = 0) =>
        Ds3SampleTests.Config(kind, seed) with { SimulationLengthUs = 20_000, WarmupUs = 2_000 };

    [TestCase(SchedulerKind.Met)]
    [TestCase(SchedulerKind.Etf)]
    [TestCase(SchedulerKind.Eft)]
    [TestCase(SchedulerKind.Stf)]
    [TestCase(SchedulerKind.Heft)]
    [TestCase(SchedulerKind.HeftRt)]
    [TestCase(SchedulerKind.Random)]
    public void EverySchedulerCompletesJobsDeterministically(SchedulerKind kind)
    {
        var a = new SocSimulator().Run(Short(kind, 3), Ds3SampleTests.WifiMix);
        var b = new SocSimulator().Run(Short(kind, 3), Ds3SampleTests.WifiMix);
        Assert.That(a.CompletedJobs, Is.GreaterThan(kind == SchedulerKind.Random ? 20 : 50));
        Assert.That(a.MeanLatencyUs, Is.GreaterThan(0));
        Assert.That(a.P95LatencyUs, Is.GreaterThanOrEqualTo(a.MeanLatencyUs * 0.5));
        Assert.That(a.PeUtilisation.All(u => u is >= 0 and <= 1), Is.True);
        Assert.That((a.MeanLatencyUs, a.EnergyJ, a.CompletedJobs), Is.EqualTo((b.MeanLatencyUs, b.EnergyJ, b.CompletedJobs)));
    }

    [Test]
    public void DifferentSeedsGiveDifferentRuns() =>
        Assert.That(new SocSimulator().Run(Short(SchedulerKind.Etf, 1), Ds3SampleTests.WifiMix).MeanLatencyUs,
            Is.Not.EqualTo(new SocSimulator().Run(Short(SchedulerKind.Etf, 2), Ds3SampleTests.WifiMix).MeanLatencyUs));

    [Test]
    public void SharedMemoryIsSlowerThanPeToPeOnTheSameArrivals()
    {
        var pe = new SocSimulator().Run(Short(SchedulerKind.Etf), Ds3SampleTests.WifiMix);
        var mem = new SocSimulator().Run(Short(SchedulerKind.Etf) with { Communication = CommunicationMode.SharedMemory }, Ds3SampleTests.WifiMix);
        Assert.That(mem.MeanLatencyUs, Is.GreaterThan(pe.MeanLatencyUs));
    }

    [Test]
    public void WarmupExcludesEarlyJobsAndEnergy()
    {
        var all = new SocSimulator().Run(Short(SchedulerKind.Etf) with { WarmupUs = 0 }, Ds3SampleTests.WifiMix);
        var later = new SocSimulator().Run(Short(SchedulerKind.Etf) with { WarmupUs = 10_000 }, Ds3SampleTests.WifiMix);
        Assert.That(later.CompletedJobs, Is.LessThan(all.CompletedJobs));
        Assert.That(later.EnergyJ, Is.LessThan(all.EnergyJ));
        Assert.That(later.WholeRunEnergyJ, Is.EqualTo(all.WholeRunEnergyJ).Within(1e-12));
    }

    [Test]
    public void HigherInjectionRateRaisesLatency()
    {
        var slow = new SocSimulator().Run(Short(SchedulerKind.Etf) with { MeanInterArrivalUs = 400 }, Ds3SampleTests.WifiMix);
        var fast = new SocSimulator().Run(Short(SchedulerKind.Etf) with { MeanInterArrivalUs = 60 }, Ds3SampleTests.WifiMix);
        Assert.That(fast.MeanLatencyUs, Is.GreaterThan(slow.MeanLatencyUs));
        Assert.That(fast.CompletionRatePerMs, Is.GreaterThan(slow.CompletionRatePerMs));
    }

    [Test]
    public void BadConfigsThrowNamingTheField()
    {
        Assert.That(Assert.Throws<InvalidConfigException>(() => new SocSimulator().Run(Short(SchedulerKind.Etf) with
            { Power = Simulators.Soc.Power.PowerModel.Ds3 with { GpuWatts = -1 } }, Ds3SampleTests.WifiMix))!.Field, Is.EqualTo("Power.GpuWatts"));
        Assert.That(Assert.Throws<InvalidConfigException>(() => new SocSimulator().Run(Short(SchedulerKind.Etf) with
            { Power = Simulators.Soc.Power.PowerModel.Ds3 with { Thermal = Simulators.Soc.Power.ThermalModel.OdroidXu3 with { BBig = [1, 2] } } },
            Ds3SampleTests.WifiMix))!.Field, Is.EqualTo("Power.Thermal"));
        Assert.That(Assert.Throws<InvalidConfigException>(() => new SocSimulator().Run(Short(SchedulerKind.Etf) with { WarmupUs = 30_000 }, Ds3SampleTests.WifiMix))!.Field,
            Is.EqualTo("WarmupUs"));
        Assert.That(Assert.Throws<InvalidConfigException>(() => new SocSimulator().Run(Short(SchedulerKind.Policy), Ds3SampleTests.WifiMix))!.Field,
            Is.EqualTo("Policy"));
        Assert.That(Assert.Throws<InvalidConfigException>(() => new SocSimulator().Run(Short(SchedulerKind.Etf),
            SocWorkload.Of((JobCatalog.WifiTransmitter, 0.5))))!.Field, Is.EqualTo("job probabilities"));
        Assert.That(Assert.Throws<InvalidConfigException>(() => new SocSimulator().Run(Short(SchedulerKind.Etf),
            SocWorkload.Of((JobCatalog.TopcuogluExample, 1))))!.Field, Is.EqualTo("task name"));
    }

    [Test]
    public void Ds3GymPrefillStartsWithAFullSystem()
    {
        var soc = SchedulerBehaviourTests.Cluster(1, ("h", 100));
        var job = SchedulerBehaviourTests.Job("h 0");
        var config = new SocConfig
        {
            Platform = soc, Scheduler = SchedulerKind.Etf, SimulationLengthUs = 1, WarmupUs = 0, MaxJobsInFlight = 3,
            MeanInterArrivalUs = 25, PrefillJobs = true, Generator = JobGeneratorStyle.Ds3Gym,
        };
        var sim = new SocSimulation(config, new SocWorkload([new JobMixEntry(job, 1)]));
        while (sim.AdvanceToDecision()) { }
        Assert.That((sim.InjectedJobCount, sim.JobsInSystem), Is.EqualTo((3L, 3)));
    }

    /// <summary>
    /// One job of 100 us at a time, arrivals every 10 us: DS3 lets job 1 in the moment job 0 leaves (100); DS3Gym's
    /// blocked generator retries every 1 + 10 us from 10, so at 109.
    /// </summary>
    [TestCase(JobGeneratorStyle.Ds3, 100)]
    [TestCase(JobGeneratorStyle.Ds3Gym, 109)]
    public void BlockedArrivalsFollowTheChosenGenerator(JobGeneratorStyle style, double secondJobUs)
    {
        var config = new SocConfig
        {
            Platform = SchedulerBehaviourTests.Cluster(1, ("h", 100)), Scheduler = SchedulerKind.Etf, SimulationLengthUs = 1_000,
            WarmupUs = 0, MaxJobsInFlight = 1, MeanInterArrivalUs = 10, FixedInterArrival = true, Generator = style,
        };
        var sim = new SocSimulation(config, new SocWorkload([new JobMixEntry(SchedulerBehaviourTests.Job("h 0"), 1)]));
        while (sim.AdvanceToDecision()) { }
        Assert.That(sim.JobInjectedUs(1), Is.EqualTo(secondJobUs));
    }

    /// <summary>DS3Gym's profile: its 3-CPU SoC, ten random 10-task DAGs, scale 25 us, 3 jobs, pss, 5000 us episodes.</summary>
    [TestCase(SchedulerKind.HeftRt)]
    [TestCase(SchedulerKind.Etf)]
    [TestCase(SchedulerKind.Met)]
    [TestCase(SchedulerKind.Random)]
    public void Ds3GymProfileRuns(SchedulerKind kind)
    {
        var jobs = Enumerable.Range(1, 10).Select(i => (i == 1 ? "DS3Gym/job_Top" : $"DS3Gym/job_Top{i}", 0.1)).ToArray();
        var config = new SocConfig
        {
            Platform = SocCatalog.Get(SocCatalog.Ds3GymTop), Scheduler = kind, SimulationLengthUs = 5_000, WarmupUs = 0,
            MeanInterArrivalUs = 25, MaxJobsInFlight = 3, PrefillJobs = true, Generator = JobGeneratorStyle.Ds3Gym, Seed = 1,
        };
        var report = new SocSimulator().Run(config, SocWorkload.Of(jobs));
        Assert.That(report.CompletedJobs, Is.GreaterThan(20));
        Assert.That(report.AverageConcurrentJobs, Is.LessThanOrEqualTo(3));
        Assert.That(report.PeUtilisation.Take(3).All(u => u > 0.3), Is.True, "a saturated 3-CPU SoC");
    }
}
