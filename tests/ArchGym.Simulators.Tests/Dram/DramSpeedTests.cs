using System.Diagnostics;
using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>Prints requests/s on ArchGym's four 10 000-request traces (no timing assertion).</summary>
[TestFixture, Explicit("prints simulator speed")]
public class DramSpeedTests
{
    [Test]
    public void PrintRequestsPerSecond()
    {
        var traces = new[] { "stream", "random", "cloud-1", "cloud-2" }
            .Select(t => new InMemoryTrace(t, new TraceFile(DramReference.PathOf("archgym-traces", t + ".stl.gz")).Read().ToList())).ToArray();
        var sim = new DramSimulator();
        foreach (var (name, config) in new[] { ("ArchGym default (DDR3)", DramConfig.ArchGymDefault()), ("DDR4 Open FrFcfs buf8", new DramConfig("DDR4-2400_4Gb_x8", new ControllerConfig())) })
        {
            foreach (var t in traces) sim.Run(config, t);
            var sw = Stopwatch.StartNew();
            long n = 0;
            for (int k = 0; k < 10; k++) foreach (var t in traces) n += sim.Run(config, t).Requests;
            TestContext.Out.WriteLine($"{name}: {n / sw.Elapsed.TotalSeconds:F0} requests/s");
            Assert.That(n, Is.EqualTo(400_000));
        }
    }
}
