using System.Text.Json;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Experiments.Tests.Cli;

/// <summary><c>archgym simulate soc</c>: DS3 files or catalog names in, DS3's statistics out; bad input is one line and exit 2.</summary>
public class SimulateSocCommandTests
{
    private const string Keys = "avg_job_latency_us,p95_job_latency_us,injected_jobs,completed_jobs,injection_rate_jobs_per_ms,completion_rate_jobs_per_ms,energy_j,edp_us_j,sim_wall_ms";

    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = ArchGymProcess.TempDir();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static string Reference(params string[] parts) => Path.Combine([ArchGymProcess.RepoRoot(), "..", "shared", "reference", "soc", .. parts]);

    private ArchGymProcess.Result Simulate(params string[] args) =>
        ArchGymProcess.Run(_dir, ["simulate", "soc", "--sim-length-us", "20000", "--warmup-us", "2000", .. args]);

    private string Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(_dir, name), text);
        return name;
    }

    private static void AssertBadInput(ArchGymProcess.Result r, params string[] expected) => BadInput.Assert(r, expected);

    [Test]
    public void JsonHasTheContractKeysAndTheSimulatorsNumbers()
    {
        var r = Simulate("--soc", "SoC.MULTIPLE_BAL", "--jobs", "WiFi_TX", "WiFi_RX", "--job-probabilities", "0.8", "0.2",
            "--scheduler", "HEFT_RT", "--mean-interarrival-us", "150", "--seed", "3", "--format", "json");
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        using var doc = JsonDocument.Parse(r.StdOut);
        var json = doc.RootElement;
        var direct = new SocSimulator().Run(new SocConfig
        {
            Platform = SocCatalog.Get("SoC.MULTIPLE_BAL"), Scheduler = SchedulerKind.HeftRt, MeanInterArrivalUs = 150,
            SimulationLengthUs = 20_000, WarmupUs = 2_000, Seed = 3,
        }, SocWorkload.Of((JobCatalog.WifiTransmitter, 0.8), (JobCatalog.WifiReceiver, 0.2)));
        Assert.Multiple(() =>
        {
            Assert.That(string.Join(",", json.EnumerateObject().Select(p => p.Name)), Is.EqualTo(Keys));
            Assert.That(json.GetProperty("avg_job_latency_us").GetDouble(), Is.EqualTo(direct.MeanLatencyUs));
            Assert.That(json.GetProperty("p95_job_latency_us").GetDouble(), Is.EqualTo(direct.P95LatencyUs));
            Assert.That(json.GetProperty("injected_jobs").GetInt32(), Is.EqualTo(direct.InjectedJobs));
            Assert.That(json.GetProperty("completed_jobs").GetInt32(), Is.EqualTo(direct.CompletedJobs).And.GreaterThan(50));
            Assert.That(json.GetProperty("injection_rate_jobs_per_ms").GetDouble(), Is.EqualTo(direct.InjectionRatePerMs));
            Assert.That(json.GetProperty("completion_rate_jobs_per_ms").GetDouble(), Is.EqualTo(direct.CompletionRatePerMs));
            Assert.That(json.GetProperty("energy_j").GetDouble(), Is.EqualTo(direct.EnergyJ));
            Assert.That(json.GetProperty("edp_us_j").GetDouble(), Is.EqualTo(direct.EdpUsJ));
            Assert.That(json.GetProperty("sim_wall_ms").GetDouble(), Is.GreaterThan(0).And.LessThan(60_000));
        });
    }

    [Test]
    public void Ds3FilesGiveTheSameRunAsTheCatalogAndTheTableNamesEveryKey()
    {
        if (!File.Exists(Reference("socs", "SoC.MULTIPLE_BAL.txt"))) Assert.Ignore("shared/reference/soc not found");
        var files = Simulate("--soc", Reference("socs", "SoC.MULTIPLE_BAL.txt"), "--jobs", Reference("jobs", "job_WIFI_5TXM.txt"),
            Reference("jobs", "job_WIFI_5RXM.txt"), "--job-probabilities", "0.5", "0.5", "--format", "json");
        var names = Simulate("--soc", "SoC.MULTIPLE_BAL", "--jobs", "WiFi_TX", "WiFi_RX", "--format", "json");
        var table = Simulate("--soc", "SoC.MULTIPLE_BAL", "--jobs", "WiFi_TX", "WiFi_RX");
        Assert.That(files.ExitCode, Is.Zero, files.StdErr);
        Assert.That(names.ExitCode, Is.Zero, names.StdErr);
        Assert.That(table.ExitCode, Is.Zero, table.StdErr);
        static string WithoutWall(string json) => string.Join("\n", json.Split('\n').Where(l => !l.Contains("sim_wall_ms")));
        Assert.That(WithoutWall(files.StdOut), Is.EqualTo(WithoutWall(names.StdOut)), "default probabilities are equal shares");
        foreach (var key in Keys.Split(',')) Assert.That(table.StdOut, Does.Contain(key));
    }

    [Test]
    public void CyclicJobGraphNamesFileAndLine()
    {
        var job = Write("job_cycle.txt", "job_name C\nadd_new_tasks 3\nscrambler_encoder 0 2\nscrambler_encoder HEAD\ninterleaver_1 1 0\ninterleaver_1 TAIL\nqpsk_1 2 1\n");
        AssertBadInput(Simulate("--soc", "SoC.MULTIPLE_BAL", "--jobs", job), "job_cycle.txt:3", "cycle 0 -> 1 -> 2 -> 0", "acyclic");
    }

    [Test]
    public void TaskNoPeOfTheSocCanRunNamesTheJobLine()
    {
        var soc = Write("SoC.cpu.txt", """
            add_new_resource resource_type CPU resource_name P resource_ID 0 capacity 2 num_supported_functionalities 1 DVFS_mode performance
            opp 1000 1000
            power_profile 1000 0.5 0.9
            scrambler_encoder 10
            add_new_resource resource_type MEM resource_name MEMORY resource_ID 1 capacity 1 num_supported_functionalities 1 DVFS_mode none
            None 0
            comm_band_self 100
            comm_band 0 1 10
            """);
        AssertBadInput(Simulate("--soc", soc, "--jobs", "WiFi_TX"), "job_WIFI_5TXM.txt:", "interleaver_1", "SoC.cpu.txt");
    }

    [Test]
    public void UnknownTaskNameNamesTheJobFileAndLine()
    {
        var job = Write("job_odd.txt", "job_name Odd\nadd_new_tasks 2\nscrambler_encoder 0\nscrambler_encoder HEAD\nfrobnicate 1 0\nfrobnicate TAIL\n");
        AssertBadInput(Simulate("--soc", "SoC.MULTIPLE_BAL", "--jobs", job), "job_odd.txt:5", "frobnicate");
    }

    [Test]
    public void MalformedLinesNameFileAndLine()
    {
        var job = Write("job_bad.txt", "job_name B\nadd_new_tasks 1\nscrambler_encoder 0\nscrambler_encoder sideways\n");
        AssertBadInput(Simulate("--soc", "SoC.MULTIPLE_BAL", "--jobs", job), "job_bad.txt:4", "scrambler_encoder sideways");
        var soc = Write("SoC.bad.txt", "add_new_resource resource_type CPU resource_name P resource_ID zero capacity 1\n");
        AssertBadInput(Simulate("--soc", soc, "--jobs", "WiFi_TX"), "SoC.bad.txt:1");
    }

    [TestCase("--scheduler", "FIFO", "FIFO", "HEFT_RT")]
    [TestCase("--scheduler", "policy", "policy", "soc-sched-v0")]
    [TestCase("--soc", "SoC.Imaginary", "SoC.Imaginary", "SoC.MULTIPLE_BAL")]
    [TestCase("--soc", "no/such/SoC.x.txt", "no/such/SoC.x.txt", "not found")]
    public void UnknownSchedulerOrSocIsNamedWithTheAllowedOnes(string option, string value, string named, string allowed)
    {
        var args = new List<string> { "--soc", "SoC.MULTIPLE_BAL", "--jobs", "WiFi_TX" };
        var at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value;
        else args.AddRange([option, value]);
        AssertBadInput(Simulate([.. args]), named, allowed);
    }

    [Test]
    public void UnknownJobAndBadProbabilitiesAreClearErrors()
    {
        AssertBadInput(Simulate("--soc", "SoC.MULTIPLE_BAL", "--jobs", "WiFi_TX", "Teleport"), "Teleport", "job_WIFI_5TXM");
        AssertBadInput(Simulate("--soc", "SoC.MULTIPLE_BAL", "--jobs", "WiFi_TX", "WiFi_RX", "--job-probabilities", "0.7", "0.2"),
            "--job-probabilities", "summing to 1");
        AssertBadInput(Simulate("--soc", "SoC.MULTIPLE_BAL", "--jobs", "WiFi_TX", "WiFi_RX", "--job-probabilities", "1"),
            "--job-probabilities", "1 value(s) for 2 job(s)");
        AssertBadInput(ArchGymProcess.Run(_dir, "simulate", "soc", "--soc", "SoC.MULTIPLE_BAL", "--jobs", "WiFi_TX", "--sim-length-us", "20000",
            "--warmup-us", "30000"), "WarmupUs", "30000");
    }
}
