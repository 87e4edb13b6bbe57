using ArchGym.Environments.Dram;
using ArchGym.Experiments.Cli;
using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// DRAM throughput for <c>archgym bench</c>: simulated requests per wall second of the DRAM simulator on DDR4-2400 4Gb x8
/// behind DRAMSys's default controller (open page, FR-FCFS, 8 entries per bank) for the reference's three saturated
/// 20 000-read patterns (random lines in 2 GiB, a sequential stream, four streams interleaved over rows of bank 0), the
/// traces held in memory so parsing is left out; and <c>dram-v0</c> evaluations per second through the gym stack.
/// </summary>
public static class DramBench
{
    public const int Requests = 20_000;

    public static IEnumerable<(string Case, double SecondsPerCall, double CallsPerSecond, string Detail)> Cases(double seconds)
    {
        var sim = new DramSimulator();
        var config = DramConfig.Create("DDR4_2400_4Gb_x8");
        foreach (var (name, source) in Traces())
        {
            var trace = new InMemoryTrace(name, source.Read().ToArray());
            var report = sim.Run(config, trace);
            var cpu = CpuSeconds();
            long calls = 0;
            var (perCall, perSecond) = BenchCommand.Measure(() => { sim.Run(config, trace); calls++; }, seconds);
            var perCpuSecond = calls / (CpuSeconds() - cpu); // warm-up call included
            yield return ($"dram DDR4-2400: {name}, {Requests} reads", perCall, perSecond,
                $"{perSecond * Requests / 1e6:F2} M simulated requests/s ({perCpuSecond * Requests / 1e6:F2} M per CPU second); " +
                $"{report.BandwidthGBps:F2} GB/s, row hits {report.RowBufferHitRate:F3}");
        }

        var before = CpuSeconds();
        var (evals, wall) = StackBench.RunStack(DramEnvironment.Id, new Dictionary<string, string>(), 1, seconds);
        yield return ("dram-v0 stack (random search, CSV, cache off), 1 worker", wall / evals, evals / wall,
            $"{evals / (CpuSeconds() - before):F1} per CPU second; ArchGym's {DramEnvironments.DefaultWorkload} workload (10 000 reads), DDR3-1600, " +
            "random design points (infeasible ones included)");
    }

    // Process CPU time: on a shared machine it counts this process's work where wall time also counts waiting.
    private static double CpuSeconds() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static IEnumerable<(string Name, ITraceSource Trace)> Traces()
    {
        yield return ("random", TraceGenerators.Random(Requests, 1UL << 31, 0, 1));
        yield return ("stream", TraceGenerators.Stream(Requests, 0));
        yield return ("row-interleave", TraceGenerators.StridedRowConflict(Requests, 4, 1UL << 17, 0));
    }
}
