using NUnit.Framework;
using System.Diagnostics;
using ArchGym.Simulators.Soc;

namespace ArchGym.Simulators.Tests.Soc;

/// <summary>
/// Simulated jobs per second on the standard configuration: DASH SoC, 80 % WiFi TX / 20 % WiFi RX, PE-to-PE,
/// mean inter-arrival 200 us, 12 jobs in flight, 2 s simulated (~10 000 jobs). Run with -c Release. Also printed per
/// CPU-second, which a loaded shared machine distorts less. Bench/ds3_tick_skeleton.py measures the same for DS3's
/// bare event skeleton (an upper bound on DS3's speed) and with DS3's completed-list scans (an estimate of DS3).
/// </summary>
public class SocSpeedBenchmark
{
    [Test, Explicit("benchmark: prints simulated jobs per second")]
    public void JobsPerSecond([Values(SchedulerKind.Etf, SchedulerKind.HeftRt, SchedulerKind.Met, SchedulerKind.Eft,
        SchedulerKind.Stf, SchedulerKind.Heft)] SchedulerKind kind)
    {
        var config = Ds3SampleTests.Config(kind, 0) with { SimulationLengthUs = 2_000_000, WarmupUs = 0 };
        new SocSimulator().Run(config with { SimulationLengthUs = 200_000 }, Ds3SampleTests.WifiMix); // JIT warm-up
        double best = double.PositiveInfinity, bestCpu = double.PositiveInfinity;
        SocReport? report = null;
        for (var i = 0; i < 3; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            report = new SocSimulator().Run(config, Ds3SampleTests.WifiMix);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }
        TestContext.Out.WriteLine($"{kind}: {report!.CompletedJobs} jobs, {report.TasksExecuted} tasks in {best:F3} s " +
            $"= {report.CompletedJobs / best:F0} jobs/s, {report.CompletedJobs / bestCpu:F0} jobs per CPU-second " +
            $"({report.TasksExecuted / best / 1e6:F2} M tasks/s)");
        Assert.That(report.CompletedJobs, Is.GreaterThan(9_000));
    }
}
