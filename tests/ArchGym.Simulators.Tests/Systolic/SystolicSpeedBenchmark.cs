using NUnit.Framework;
using System.Diagnostics;
using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Systolic.ScaleSimFiles;

namespace ArchGym.Simulators.Tests.Systolic;

/// <summary>
/// Timing of ResNet-50 (54 layers) on SCALE-Sim's 128x128 timing configs; prints, never asserts wall-clock.
/// Run: dotnet test -c Release --filter FullyQualifiedName~SystolicSpeedBenchmark
/// </summary>
[TestFixture, Explicit("benchmark: prints timings")]
public class SystolicSpeedBenchmark
{
    [TestCase("timing_128x128_ws_calc.cfg")]
    [TestCase("timing_128x128_os_calc.cfg")]
    public void ResNet50(string configFile)
    {
        var folder = ReferenceData.ScaleSimFolder;
        var config = ScaleSimConfigReader.Read(Path.Combine(folder, "configs", configFile));
        var topology = ScaleSimTopologyReader.Read(Path.Combine(folder, "topologies", "resnet50.csv"));
        var sim = new SystolicSimulator();
        var warm = sim.Run(config, topology);
        for (int i = 0; i < 5; i++) sim.Run(config, topology);

        const int runs = 20;
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < runs; i++) sim.Run(config, topology);
        watch.Stop();
        double ms = watch.Elapsed.TotalMilliseconds / runs;
        TestContext.Out.WriteLine($"{configFile}: {ms:F2} ms per ResNet-50 ({topology.Layers.Count} layers), "
            + $"{topology.Layers.Count / (ms / 1000):F0} layers/s, {1000 / ms:F1} evaluations/s; "
            + $"total_cycles {warm.TotalCycles}, stalls {warm.StallCycles}, DRAM words {warm.DramWords}");

        watch.Restart();
        Parallel.For(0, runs * 2, _ => sim.Run(config, topology));
        watch.Stop();
        TestContext.Out.WriteLine($"  parallel ({Environment.ProcessorCount} cores): {runs * 2 / watch.Elapsed.TotalSeconds:F1} evaluations/s");
        Assert.That(warm.Layers, Has.Count.EqualTo(54));
    }
}
