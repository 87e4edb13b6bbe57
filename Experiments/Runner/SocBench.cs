using System.Diagnostics;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Soc;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// SoC throughput for <c>archgym bench</c>: simulated jobs per second of the DS3-class simulator (DASH SoC, DS3's
/// 80/20 WiFi TX/RX mix, 200 us mean inter-arrival, 200 ms simulated, ~1000 jobs per call) and soc-sched-v0 decisions
/// per second with the upward-rank baseline. soc-v0 evaluations go through <see cref="StackBench.RunStack"/>.
/// </summary>
public static class SocBench
{
    public static SocWorkload WifiMix { get; } = SocWorkload.Of((JobCatalog.WifiTransmitter, 0.8), (JobCatalog.WifiReceiver, 0.2));

    public static SocConfig StandardRun(SchedulerKind scheduler) => new()
    {
        Platform = SocCatalog.Get(SocCatalog.DashStandard),
        Scheduler = scheduler,
        MeanInterArrivalUs = 200,
        SimulationLengthUs = 200_000,
        WarmupUs = 0,
    };

    /// <summary>Agent decisions (single choices are auto-played and not counted) per wall second over whole soc-sched-v0 episodes (default settings).</summary>
    public static (long Decisions, double WallSeconds) SchedulingDecisions(double minSeconds)
    {
        var env = SocSchedulingEnvironment.Create(EnvironmentOptions.Empty);
        long decisions = 0;
        var clock = Stopwatch.StartNew();
        for (var seed = 0; clock.Elapsed.TotalSeconds < minSeconds || seed == 0; seed++)
        {
            var (obs, _) = env.Reset(seed);
            while (!env.IsTerminated)
            {
                obs = env.Step(SchedulingBaselines.HighestUpwardRank(obs)).Observation;
                decisions++;
            }
        }
        return (decisions, clock.Elapsed.TotalSeconds);
    }
}
