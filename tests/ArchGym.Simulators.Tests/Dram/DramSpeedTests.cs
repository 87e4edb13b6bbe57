using System.Diagnostics;
using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>
/// Prints simulated requests per second, single thread, on the reference random, stream and
/// row-interleave traces (DDR4, Open/FrFcfs/Bankwise 8) and on ArchGym's four traces (its default
/// point): traces in memory, warm JIT, best of five rounds by wall time and by process CPU time (the
/// machine may be shared). Run with <c>dotnet test -c Release --filter DramSpeedTests</c>.
/// </summary>
[TestFixture, Explicit("prints simulator speed")]
public class DramSpeedTests
{
    [Test]
    public void PrintRequestsPerSecond()
    {
        var ddr4 = new DramConfig("DDR4_2400_4Gb_x8", DramReference.McConfig("Open_FrFcfs_Bankwise"), DramReference.Ddr4Mapping());
        var cases = new List<(string Name, DramConfig Config, ITraceSource Trace)>();
        foreach (var t in new[] { "random_read_sat", "random_read_paced8", "stream_read_sat", "row_interleave_sat" })
            cases.Add((t, ddr4, Load(DramReference.Trace(t))));
        foreach (var t in ArchGymTraceFiles.Names)
            cases.Add(("archgym " + t, DramConfig.ArchGymDefault(), Load(ArchGymTraceFiles.Get(t))));
        var sim = new DramSimulator();
        foreach (var (name, config, trace) in cases)
        {
            for (int i = 0; i < 5; i++) sim.Run(config, trace);
            double bestWall = 0, bestCpu = 0;
            for (int round = 0; round < 5; round++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                long n = 0;
                while (sw.ElapsedMilliseconds < 300) n += sim.Run(config, trace).Requests;
                bestWall = Math.Max(bestWall, n / sw.Elapsed.TotalSeconds);
                bestCpu = Math.Max(bestCpu, n / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            }
            TestContext.Out.WriteLine($"{name,-24} {bestWall / 1e6,6:F2} M requests/s wall, {bestCpu / 1e6,6:F2} M requests/s CPU");
        }
    }

    private static InMemoryTrace Load(ITraceSource t) => new(t.Name, t.Read().ToList());
}
