using NUnit.Framework;
using System.Globalization;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Tests.Soc;

/// <summary>
/// DS3 reference rows (sample_ds3.csv: standard DASH SoC, 80 % WiFi TX / 20 % RX, PE-to-PE, 50 ms, 10 ms warm-up,
/// mean inter-arrival 200 us). Python's random stream cannot be reproduced, so each metric is compared with the
/// mean over several seeds, with the tolerance stated per metric.
/// </summary>
public class Ds3SampleTests
{
    private static readonly int[] Seeds = [0, 1, 2, 3, 4, 5, 6, 7];

    internal static SocConfig Config(SchedulerKind scheduler, int seed) => new()
    {
        Platform = SocCatalog.Get(SocCatalog.DashStandard),
        Scheduler = scheduler,
        SimulationLengthUs = 50_000,
        WarmupUs = 10_000,
        MeanInterArrivalUs = 200,
        MaxJobsInFlight = 12,
        Seed = seed,
    };

    internal static SocWorkload WifiMix { get; } = SocWorkload.Of((JobCatalog.WifiTransmitter, 0.8), (JobCatalog.WifiReceiver, 0.2));

    private static Dictionary<string, string> Row(string scheduler) =>
        SharedReference.Csv("sample_ds3.csv").Single(r => r["scheduler"] == scheduler);

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static SocReport[] RunSeeds(SchedulerKind kind) =>
        Seeds.Select(s => new SocSimulator().Run(Config(kind, s), WifiMix)).ToArray();

    [TestCase("ETF", SchedulerKind.Etf)]
    [TestCase("MET", SchedulerKind.Met)]
    public void MetricsMatchDs3(string name, SchedulerKind kind)
    {
        var row = Row(name);
        var runs = RunSeeds(kind);
        var latency = runs.Average(r => r.MeanLatencyUs);
        var completed = runs.Average(r => r.CompletedJobs);
        var rate = runs.Average(r => r.CompletionRatePerMs);
        var energy = runs.Average(r => r.EnergyJ);
        TestContext.Out.WriteLine($"{name}: latency {latency:F1} (DS3 {row["avg_job_latency_us"]}), completed {completed:F1} ({row["completed_jobs"]}), " +
            $"rate {rate:F3}/ms ({row["completion_rate_jobs_per_ms"]}), energy {energy:F5} J ({row["energy_J"]}), " +
            $"EDP {runs.Average(r => r.EdpUsJ):F1} ({row["EDP_us_J"]})");
        Assert.Multiple(() =>
        {
            Assert.That(latency, Is.EqualTo(D(row["avg_job_latency_us"])).Within(20).Percent, "mean latency");
            Assert.That(completed, Is.EqualTo(D(row["completed_jobs"])).Within(10).Percent, "completed jobs");
            Assert.That(rate, Is.EqualTo(D(row["completion_rate_jobs_per_ms"])).Within(10).Percent, "completion rate");
            Assert.That(energy, Is.EqualTo(D(row["energy_J"])).Within(20).Percent, "energy after warm-up");
            Assert.That(runs.Average(r => r.EdpUsJ), Is.EqualTo(D(row["EDP_us_J"])).Within(20).Percent, "EDP");
        });
    }

    [Test]
    public void SchedulerRankingAgreesWithDs3()
    {
        var etf = RunSeeds(SchedulerKind.Etf).Average(r => r.MeanLatencyUs);
        var met = RunSeeds(SchedulerKind.Met).Average(r => r.MeanLatencyUs);
        Assert.That(D(Row("ETF")["avg_job_latency_us"]), Is.LessThan(D(Row("MET")["avg_job_latency_us"])));
        Assert.That(etf, Is.LessThan(met));
    }
}
