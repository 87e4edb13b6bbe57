using System.Globalization;
using System.Text.Json;
using ArchGym.Experiments.Cli;
using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Experiments.Tests.Cli;

/// <summary>
/// <c>archgym simulate dram</c>: the JSON contract, knob flags and mcconfig files reaching the simulator, and the DRAMSys
/// rows of the reference <c>sample.csv</c> re-run through the command with the simulator tests' tolerances: with
/// <c>--timing-mode dramsys5</c> every row within 0.1 % (cycles, bandwidth, mean read latency) and exact command counts;
/// in the default JEDEC mode the open-page rows within the same 0.1 %.
/// </summary>
public class SimulateDramCommandTests
{
    private static readonly string[] Keys =
    [
        "total_cycles", "total_time_ns", "avg_read_latency_ns", "p99_read_latency_ns", "bandwidth_gbps", "row_hit_rate",
        "num_act", "num_pre", "num_rd", "num_wr", "num_ref", "total_energy_pj", "avg_power_mw", "sim_wall_ms",
    ];

    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = ArchGymProcess.TempDir();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    internal static JsonElement Json(string dir, params string[] args)
    {
        var r = ArchGymProcess.Run(dir, ["simulate", "dram", .. args, "--format", "json"]);
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        using var doc = JsonDocument.Parse(r.StdOut);
        return doc.RootElement.Clone();
    }

    private string WriteTrace(string name, IEnumerable<TraceRequest> requests)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, requests.Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.Cycle}:\t{(q.IsWrite ? "write" : "read")}\t0x{q.Address:X}")));
        return path;
    }

    [Test]
    public void JsonHasExactlyTheContractKeysAndTheSimulatorsNumbers()
    {
        var requests = TraceGenerators.MixedReadWrite(3000, 1UL << 28, 0.3, 2, 7).Read().ToArray();
        var path = WriteTrace("mixed.stl", requests);
        var json = Json(_dir, "--standard", "DDR4_2400_4Gb_x8", "--trace", path, "--page-policy", "OpenAdaptive", "--scheduler", "FrFcfsGrp",
            "--scheduler-buffer", "ReadWrite", "--request-buffer-size", "16", "--resp-queue", "Reorder", "--refresh-policy", "AllBank",
            "--refresh-max-postponed", "4", "--refresh-max-pulledin", "0", "--arbiter", "Fifo", "--max-active-transactions", "32");
        var config = DramConfig.Create("DDR4_2400_4Gb_x8",
        [
            new("PagePolicy", "OpenAdaptive"), new("Scheduler", "FrFcfsGrp"), new("SchedulerBuffer", "ReadWrite"), new("RequestBufferSize", "16"),
            new("RespQueue", "Reorder"), new("RefreshPolicy", "AllBank"), new("RefreshMaxPostponed", "4"), new("RefreshMaxPulledin", "0"),
            new("Arbiter", "Fifo"), new("MaxActiveTransactions", "32"),
        ]);
        var r = new DramSimulator().Run(config, new InMemoryTrace("mixed", requests));
        Assert.Multiple(() =>
        {
            Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EqualTo(Keys));
            Assert.That(json.GetProperty("total_cycles").GetInt64(), Is.EqualTo(r.SimulatedCycles));
            Assert.That(json.GetProperty("total_time_ns").GetDouble(), Is.EqualTo(r.SimulatedTimeNs));
            Assert.That(json.GetProperty("avg_read_latency_ns").GetDouble(), Is.EqualTo(r.AverageReadLatencyNs));
            Assert.That(json.GetProperty("p99_read_latency_ns").GetDouble(), Is.EqualTo(r.P99ReadLatencyNs));
            Assert.That(json.GetProperty("bandwidth_gbps").GetDouble(), Is.EqualTo(r.BandwidthGBps));
            Assert.That(json.GetProperty("row_hit_rate").GetDouble(), Is.EqualTo(r.RowBufferHitRate));
            Assert.That(json.GetProperty("num_act").GetInt64(), Is.EqualTo(r.Activates));
            Assert.That(json.GetProperty("num_pre").GetInt64(), Is.EqualTo(r.Precharges));
            Assert.That(json.GetProperty("num_rd").GetInt64(), Is.EqualTo(r.ReadCommands));
            Assert.That(json.GetProperty("num_wr").GetInt64(), Is.EqualTo(r.WriteCommands).And.GreaterThan(0));
            Assert.That(json.GetProperty("num_ref").GetInt64(), Is.EqualTo(r.Refreshes));
            Assert.That(json.GetProperty("total_energy_pj").GetDouble(), Is.EqualTo(r.TotalEnergyPicojoules));
            Assert.That(json.GetProperty("avg_power_mw").GetDouble(), Is.EqualTo(r.AveragePowerMilliwatts));
            Assert.That(json.GetProperty("sim_wall_ms").GetDouble(), Is.GreaterThan(0));
        });
    }

    [Test]
    public void KnobFlagsOverrideTheMcConfigFile()
    {
        var trace = DramRef.PathOf("traces", "row_interleave_sat.stl.gz");
        var viaFlag = Json(_dir, "--standard", "DDR4_2400_4Gb_x8", "--trace", trace, "--config", DramRef.McConfig("Open_Fifo_Bankwise"), "--scheduler", "FrFcfs");
        var viaFile = Json(_dir, "--standard", "DDR4_2400_4Gb_x8", "--trace", trace, "--config", DramRef.McConfig("Open_FrFcfs_Bankwise"));
        var fifo = Json(_dir, "--standard", "DDR4_2400_4Gb_x8", "--trace", trace, "--config", DramRef.McConfig("Open_Fifo_Bankwise"));
        Assert.Multiple(() =>
        {
            Assert.That(viaFlag.GetProperty("total_cycles").GetInt64(), Is.EqualTo(viaFile.GetProperty("total_cycles").GetInt64()));
            Assert.That(viaFlag.GetProperty("num_act").GetInt64(), Is.EqualTo(viaFile.GetProperty("num_act").GetInt64()));
            // The reference's scheduler effect on row_interleave: FR-FCFS about 4x FIFO's bandwidth.
            Assert.That(viaFlag.GetProperty("bandwidth_gbps").GetDouble() / fifo.GetProperty("bandwidth_gbps").GetDouble(), Is.InRange(3.0, 5.0));
        });
    }

    [Test]
    public void TheFormatCanBeForcedAndTheMappingGiven()
    {
        var requests = TraceGenerators.Random(2000, 1UL << 30, 4, 3).Read().ToArray();
        var dramsim3 = Path.Combine(_dir, "r.trc");
        File.WriteAllLines(dramsim3, requests.Select(q => $"0x{q.Address:X} READ {q.Cycle}"));
        var json = Json(_dir, "--standard", "DDR4_2400_4Gb_x8", "--trace", dramsim3, "--trace-format", "dramsim3", "--address-mapping", "row,bankgroup,bank,column");
        var config = DramConfig.Create("DDR4_2400_4Gb_x8", addressMapping: "row,bankgroup,bank,column");
        var r = new DramSimulator().Run(config, new InMemoryTrace("r", requests));
        Assert.That(json.GetProperty("total_cycles").GetInt64(), Is.EqualTo(r.SimulatedCycles));
    }

    [Test]
    public void TableFormatPrintsTheSameKeys()
    {
        var path = WriteTrace("s.stl", TraceGenerators.Stream(500, 1).Read());
        var r = ArchGymProcess.Run(_dir, "simulate", "dram", "--standard", "DDR3_1600_1Gb_x8", "--trace", path);
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        foreach (var key in Keys) Assert.That(r.StdOut, Does.Contain(key));
    }

    [Test]
    public void OutputWritesTheJsonToAFileAndNothingToStdout()
    {
        var path = WriteTrace("s.stl", TraceGenerators.Stream(300, 2).Read());
        var output = Path.Combine(_dir, "out", "r.json");
        var r = ArchGymProcess.Run(_dir, "simulate", "dram", "--standard", "LPDDR4_2400_8Gb_x16", "--trace", path, "--format", "json", "--output", output);
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Multiple(() =>
        {
            Assert.That(r.StdOut, Is.Empty);
            Assert.That(doc.RootElement.GetProperty("num_rd").GetInt64(), Is.EqualTo(300));
        });
    }

    public static IEnumerable<TestCaseData> DramSysRows()
    {
        if (!DramRef.Available()) yield break;
        foreach (var row in DramRef.Rows().Where(r => r["simulator"] == "DRAMSys"))
        {
            yield return new TestCaseData(row, "dramsys5").SetName($"DramSys5_{row["page_policy"]}_{row["scheduler"]}_{row["trace"]}");
            if (row["page_policy"] == "Open") yield return new TestCaseData(row, "jedec").SetName($"Jedec_{row["page_policy"]}_{row["scheduler"]}_{row["trace"]}");
        }
    }

    [TestCaseSource(nameof(DramSysRows))]
    public void ReferenceTraceMatchesDramSysThroughTheCommand(IReadOnlyDictionary<string, string> row, string mode)
    {
        double N(string column) => double.Parse(row[column], CultureInfo.InvariantCulture);
        var json = Json(_dir, "--standard", "DDR4_2400_4Gb_x8", "--trace", DramRef.PathOf("traces", row["trace"] + ".stl.gz"),
            "--config", DramRef.McConfig($"{row["page_policy"]}_{row["scheduler"]}_{row["sched_buffer"]}"), "--timing-mode", mode);
        double cycles = json.GetProperty("total_cycles").GetInt64(), tck = json.GetProperty("total_time_ns").GetDouble() / cycles;
        Assert.Multiple(() =>
        {
            Assert.That(cycles, Is.EqualTo(N("total_cycles")).Within(0.1).Percent, "total cycles");
            Assert.That(json.GetProperty("bandwidth_gbps").GetDouble(), Is.EqualTo(N("bandwidth_GBps")).Within(0.1).Percent, "bandwidth");
            Assert.That(json.GetProperty("avg_read_latency_ns").GetDouble() / tck, Is.EqualTo(N("avg_read_latency_cycles")).Within(0.1).Percent, "latency, cycles");
            Assert.That(json.GetProperty("row_hit_rate").GetDouble(), Is.EqualTo(N("row_hit_rate")).Within(0.0001), "row-hit rate");
            Assert.That(json.GetProperty("num_act").GetInt64(), Is.EqualTo((long)N("num_act")), "ACT");
            Assert.That(json.GetProperty("num_pre").GetInt64(), Is.EqualTo((long)N("num_pre")), "PRE");
            Assert.That(json.GetProperty("num_rd").GetInt64(), Is.EqualTo((long)N("num_rd")), "RD");
            Assert.That(json.GetProperty("num_ref").GetInt64(), Is.EqualTo((long)N("num_ref")), "REF");
        });
    }

    [Test]
    public void TimedTraceStreamsInBlocks()
    {
        // A trace far too long to hold: taking the first requests must not read it all.
        var timed = new TimedTrace(TraceGenerators.Stream(long.MaxValue / 2, 1));
        var first = timed.Read().Take(TimedTrace.BlockSize + 5).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(first.Select(q => q.Address), Is.EqualTo(Enumerable.Range(0, TimedTrace.BlockSize + 5).Select(i => (ulong)i * 64)));
            Assert.That(timed.ParseElapsed, Is.GreaterThanOrEqualTo(TimeSpan.Zero));
        });
    }
}
