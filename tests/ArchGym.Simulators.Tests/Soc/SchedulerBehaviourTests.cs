using NUnit.Framework;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Soc.Scheduling;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Tests.Soc;

/// <summary>Tiny hand-checked scenarios pinning each scheduler's DS3 / DS3Gym semantics, quirks included.</summary>
public class SchedulerBehaviourTests
{
    /// <summary>A cluster of <paramref name="cores"/> identical PEs running the given tasks, plus MEMORY; all bandwidths 1000.</summary>
    internal static SocPlatform Cluster(int cores, params (string Task, int Us)[] tasks)
    {
        var rows = string.Join("\n", tasks.Select(t => $"{t.Task} {t.Us}"));
        var watts = string.Join(" ", Enumerable.Range(1, cores).Select(k => (0.5 * k).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return SocResourceReader.Parse($"""
            add_new_resource resource_type BIG resource_name P resource_ID 0 capacity {cores} num_supported_functionalities {tasks.Length} DVFS_mode performance
            opp 1000 1000
            power_profile 1000 {watts}
            {rows}
            add_new_resource resource_type MEM resource_name MEMORY resource_ID 1 capacity 1 num_supported_functionalities 1 DVFS_mode none
            None 0
            comm_band_self 1000
            comm_band 0 0 1000
            comm_band 0 1 1000
            """, "SoC.test.txt");
    }

    /// <summary>A job from "name id preds..." lines; the first task is HEAD, the last TAIL; no comm volumes.</summary>
    internal static JobGraph Job(params string[] tasks)
    {
        var lines = new List<string> { "job_name T", $"add_new_tasks {tasks.Length}" };
        for (var i = 0; i < tasks.Length; i++)
        {
            lines.Add(tasks[i]);
            var name = tasks[i].Split(' ')[0];
            if (i == 0) lines.Add($"{name} HEAD");
            if (i == tasks.Length - 1) lines.Add($"{name} TAIL");
        }
        return JobFileReader.Parse(string.Join("\n", lines), "job_test.txt");
    }

    internal static SocSimulation Run(SocPlatform soc, JobGraph job, SchedulerKind kind, double lengthUs, double everyUs = 10_000)
    {
        var config = new SocConfig
        {
            Platform = soc, Scheduler = kind, SimulationLengthUs = lengthUs, WarmupUs = 0,
            MeanInterArrivalUs = everyUs, FixedInterArrival = true,
        };
        var sim = new SocSimulation(config, new SocWorkload([new JobMixEntry(job, 1)]));
        while (sim.AdvanceToDecision()) sim.Decide(0);
        return sim;
    }

    [Test]
    public void MetDropsAContiguousRunOfCandidatesNotTheBusyOnes()
    {
        // h fans out to long/short/long/short on PEs 0..3; when both shorts are done, c sees [busy, idle, busy, idle].
        // DS3's loop removes list positions 0 and 1 (PEs 0 and 1), so c goes to busy PE 2 and waits for it.
        var soc = Cluster(4, ("h", 1), ("l0", 100), ("s1", 10), ("l2", 100), ("s3", 10), ("c", 5), ("t", 1));
        var job = Job("h 0", "l0 1 0", "s1 2 0", "l2 3 0", "s3 4 0", "c 5 2 4", "t 6 1 3 5");
        var sim = Run(soc, job, SchedulerKind.Met, 1_000);
        Assert.That(Enumerable.Range(1, 4).Select(sim.AssignedPe), Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(sim.AssignedPe(5), Is.EqualTo(2));
        Assert.That(sim.TaskStartUs(5), Is.EqualTo(101));
    }

    [Test]
    public void StfPilesTiedTasksOnTheFirstPe()
    {
        var soc = Cluster(2, ("h", 1), ("a", 10), ("b", 10), ("t", 1));
        var sim = Run(soc, Job("h 0", "a 1 0", "b 2 0", "t 3 1 2"), SchedulerKind.Stf, 1_000);
        Assert.That(new[] { sim.AssignedPe(1), sim.AssignedPe(2) }, Is.EqualTo(new[] { 0, 0 }));
        Assert.That(sim.TaskFinishUs(3), Is.EqualTo(22));
    }

    /// <summary>DS3's STF picks b (shorter) first but, unlike ETF, leaves the ready list as it was, so a still runs first.</summary>
    [Test]
    public void StfQueuesInReadyListOrderNotPickOrder()
    {
        var soc = Cluster(2, ("h", 1), ("a", 20), ("b", 5), ("t", 1));
        var sim = Run(soc, Job("h 0", "a 1 0", "b 2 0", "t 3 1 2"), SchedulerKind.Stf, 1_000);
        Assert.That(new[] { sim.AssignedPe(1), sim.AssignedPe(2) }, Is.EqualTo(new[] { 0, 0 }));
        Assert.That(new[] { sim.TaskStartUs(1), sim.TaskStartUs(2) }, Is.EqualTo(new[] { 1.0, 21.0 }));
    }

    [TestCase(SchedulerKind.Eft)]
    [TestCase(SchedulerKind.Etf)]
    public void EarliestFinishSchedulersSpreadTiedTasks(SchedulerKind kind)
    {
        var soc = Cluster(2, ("h", 1), ("a", 10), ("b", 10), ("t", 1));
        var sim = Run(soc, Job("h 0", "a 1 0", "b 2 0", "t 3 1 2"), kind, 1_000);
        Assert.That(new[] { sim.AssignedPe(1), sim.AssignedPe(2) }, Is.EqualTo(new[] { 0, 1 }));
        Assert.That(sim.TaskFinishUs(3), Is.EqualTo(12));
    }

    [Test]
    public void HeftRtEntrySwapPutsTheFirstTopRankedTaskBehindItsTies()
    {
        var soc = Cluster(2, ("h", 1), ("a", 10), ("b", 10), ("t", 1));
        var sim = Run(soc, Job("h 0", "a 1 0", "b 2 0", "t 3 1 2"), SchedulerKind.HeftRt, 1_000);
        Assert.That(new[] { sim.AssignedPe(1), sim.AssignedPe(2) }, Is.EqualTo(new[] { 1, 0 }));
    }

    [Test]
    public void HeftRtEnforcesItsPlanOrderOnAPe()
    {
        // One PE, jobs h(10) -> t(5) every 5 us. At 10: job 1's h is queued, job 2's h (rank 10) is planned before
        // job 0's t (rank 5), so t waits for both although its job is older: finishes at 35, not 15.
        var soc = Cluster(1, ("h", 10), ("t", 5));
        var sim = Run(soc, Job("h 0", "t 1 0"), SchedulerKind.HeftRt, 36, everyUs: 5);
        Assert.That(sim.TaskFinishUs(sim.TaskHandle(0, 1)), Is.EqualTo(35));
        var etf = Run(soc, Job("h 0", "t 1 0"), SchedulerKind.Etf, 36, everyUs: 5);
        Assert.That(etf.TaskFinishUs(etf.TaskHandle(0, 1)), Is.LessThan(35));
    }

    [Test]
    public void OptimisedEtfEqualsDs3sFullRescan()
    {
        var config = Ds3SampleTests.Config(SchedulerKind.Etf, 5) with { SimulationLengthUs = 20_000, WarmupUs = 2_000, MeanInterArrivalUs = 60 };
        var fast = new SocSimulator().Run(config, Ds3SampleTests.WifiMix);
        var naive = new SocSimulator().Run(config with { CustomScheduler = () => new RescanEtf() }, Ds3SampleTests.WifiMix);
        Assert.That(fast with { Scheduler = naive.Scheduler, PeNames = naive.PeNames, PeUtilisation = naive.PeUtilisation }, Is.EqualTo(naive));
        Assert.That(fast.PeUtilisation, Is.EqualTo(naive.PeUtilisation));
    }

    /// <summary>DS3's ETF as written: rescan every (task, PE) pair after each commit.</summary>
    private sealed class RescanEtf : IScheduler
    {
        private readonly List<int> _ready = [];
        public string Name => "ETF-rescan";

        public void Schedule(SchedulingContext context)
        {
            var sim = context.Simulation;
            context.CopyReadyTasks(_ready);
            while (_ready.Count > 0)
            {
                int bestIndex = -1, bestPe = -1;
                var bestFinish = double.PositiveInfinity;
                for (var i = 0; i < _ready.Count; i++)
                    for (var pe = 0; pe < sim.Platform.PeCount; pe++)
                    {
                        if (double.IsPositiveInfinity(sim.ExecutionTimeUs(_ready[i], pe))) continue;
                        var finish = sim.EarliestFinishUs(_ready[i], pe);
                        if (finish < bestFinish) { bestFinish = finish; bestIndex = i; bestPe = pe; }
                    }
                context.Assign(_ready[bestIndex], bestPe, bestFinish);
                _ready.RemoveAt(bestIndex);
            }
        }
    }

    [Test]
    public void StaticHeftRunsTheTopcuogluJobInEightyMicroseconds()
    {
        var config = new SocConfig
        {
            Platform = SocCatalog.Get(SocCatalog.TopcuogluExample), Scheduler = SchedulerKind.Heft, SimulationLengthUs = 1_000,
            WarmupUs = 0, MeanInterArrivalUs = 10_000, FixedInterArrival = true,
        };
        var report = new SocSimulator().Run(config, SocWorkload.Of((JobCatalog.TopcuogluExample, 1)));
        Assert.That((report.CompletedJobs, report.MeanLatencyUs), Is.EqualTo((1, 80.0)));
    }
}
