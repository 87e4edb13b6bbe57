using System.Diagnostics;
using ArchGym.Simulators.Pim;
using ArchGym.Simulators.Workloads.Gpt;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Pim;

/// <summary>
/// Simulation speed; prints, never asserts wall-clock (the machine is shared). Goal: a 64-token GPT-2-XL generation
/// after a 64-token prompt in under 100 ms.
/// Run: dotnet test -c Release tests/ArchGym.Simulators.Tests --filter FullyQualifiedName~PimSpeedBenchmark
/// </summary>
[TestFixture, Explicit("benchmark: prints timings")]
public class PimSpeedBenchmark
{
    [TestCase("GDDR6_AIM")]
    [TestCase("HBM2_PIM")]
    public void Gpt2SmallAndXl(string device)
    {
        var sim = new PimSimulator();
        var config = new PimConfig(Device: device);
        sim.Run(config, GptWorkload.Of("gpt2-small")); // JIT and device files
        sim.Run(config, GptWorkload.Of("gpt2-xl"));

        var (smallMs, smallCpuMs, small) = Time(() => sim.Run(config, GptWorkload.Of("gpt2-small")), 10);
        TestContext.Out.WriteLine($"{device} gpt2-small 64+64: {smallMs:F1} ms wall ({smallCpuMs:F1} ms cpu) per run = "
            + $"{small.GeneratedTokens / (smallMs / 1000):F0} simulated tokens/s; model {small.TokensPerSecond:F0} tokens/s");
        var (xlMs, xlCpuMs, xl) = Time(() => sim.Run(config, GptWorkload.Of("gpt2-xl")), 5);
        TestContext.Out.WriteLine($"{device} gpt2-xl 64+64: {xlMs:F1} ms wall ({xlCpuMs:F1} ms cpu) per run; "
            + $"model {xl.LatencyPerTokenUs:F0} us/token, speed-up {xl.SpeedupVsGpu:F1}x");
        var (gemvMs, _, gemv) = Time(() => sim.Gemv(config, 4096, 4096), 20);
        TestContext.Out.WriteLine($"{device} gemv 4096x4096: {gemvMs:F2} ms per call, {gemv.PimCycles} cycles");
        Assert.That(xl.GeneratedTokens, Is.EqualTo(64));
    }

    private static (double WallMs, double CpuMs, T Last) Time<T>(Func<T> run, int repeats)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        T last = default!;
        for (int i = 0; i < repeats; i++) last = run();
        watch.Stop();
        process.Refresh();
        return (watch.Elapsed.TotalMilliseconds / repeats, (process.TotalProcessorTime - cpu).TotalMilliseconds / repeats, last);
    }
}
