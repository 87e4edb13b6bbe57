using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>
/// The DRAMsim3 rows of <c>sample.csv</c> (DDR4-2400 8Gb x8, open and close page, from the DRAMsim3
/// trace files) with DRAMsim3's front end: a 32-entry transaction queue per channel feeding 8-entry
/// per-bank queues without head-of-line blocking (TransactionQueueSize 32, Bankwise 8, FrFcfs,
/// all-bank refresh, DRAMsim3's rochrababgco mapping), JEDEC timing. Tolerances: total cycles and
/// bandwidth 2 %, row-hit 0.001, ACT 1 % + 5, REF +-1, read latency (from entering the transaction
/// queue, DRAMsim3's definition) 5 %; energy 20 % (DRAMsim3's and DRAMPower's models differ in
/// detail). Saturated random reads: DRAMsim3 reports about 40 % less latency than its own queue
/// depths imply at that throughput (Little's law), so only their throughput is compared.
/// </summary>
[TestFixture]
public class DramSim3ReferenceTests
{
    public static IEnumerable<TestCaseData> Rows()
    {
        if (!DramReference.Available()) yield break;
        foreach (var row in DramReference.ReadCsv(DramReference.PathOf("sample.csv")).Where(r => r["simulator"] == "DRAMsim3"))
            yield return new TestCaseData(row).SetName($"DRAMsim3_{row["page_policy"]}_{row["trace"]}");
    }

    [TestCaseSource(nameof(Rows))]
    public void MatchesDramSim3(IReadOnlyDictionary<string, string> row)
    {
        var config = DramConfig.Create("DDR4_8Gb_x8_2400",
        [
            KeyValuePair.Create("PagePolicy", row["page_policy"] == "open" ? "Open" : "Closed"), KeyValuePair.Create("Scheduler", "FrFcfs"),
            KeyValuePair.Create("SchedulerBuffer", "Bankwise"), KeyValuePair.Create("RequestBufferSize", "8"),
            KeyValuePair.Create("RefreshPolicy", "AllBank"), KeyValuePair.Create("TransactionQueueSize", "32"),
        ], "rochrababgco");
        var r = new DramSimulator().Run(config, new TraceFile(DramReference.PathOf("traces", row["trace"] + ".dramsim3.trc.gz")));
        bool saturatedRandom = row["trace"] == "random_read_sat";
        TestContext.Out.WriteLine($"{row["page_policy"]} {row["trace"]}: cycles {DramReference.Err(r.SimulatedCycles, row.Number("total_cycles"))}, " +
            $"bandwidth {DramReference.Err(r.BandwidthGBps, row.Number("bandwidth_GBps"))}, latency {DramReference.Err(r.AverageReadLatencyCycles, row.Number("avg_read_latency_cycles"))}, " +
            $"hit {r.RowBufferHitRate:F4} vs {row["row_hit_rate"]}, ACT {r.Activates} vs {row["num_act"]}, REF {r.Refreshes} vs {row["num_ref"]}, energy {DramReference.Err(r.TotalEnergyPicojoules, row.Number("total_energy_pJ"))}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.ReadCommands, Is.EqualTo((long)row.Number("num_rd")));
            Assert.That(r.SimulatedCycles, Is.EqualTo(row.Number("total_cycles")).Within(2).Percent, "total cycles");
            Assert.That(r.BandwidthGBps, Is.EqualTo(row.Number("bandwidth_GBps")).Within(2).Percent, "bandwidth");
            Assert.That(r.RowBufferHitRate, Is.EqualTo(row.Number("row_hit_rate")).Within(0.001), "row-hit rate");
            Assert.That(r.Activates, Is.EqualTo(row.Number("num_act")).Within(row.Number("num_act") * 0.01 + 5), "ACT");
            Assert.That(r.Refreshes, Is.EqualTo(row.Number("num_ref")).Within(1), "REF");
            Assert.That(r.TotalEnergyPicojoules, Is.EqualTo(row.Number("total_energy_pJ")).Within(20).Percent, "energy");
            if (!saturatedRandom)
                Assert.That(r.AverageReadLatencyCycles, Is.EqualTo(row.Number("avg_read_latency_cycles")).Within(5).Percent, "latency");
        }
    }

    [Test]
    public void DramSysFrontEnd_IsTheDefault_AndDiffersOnStreams()
    {
        // Without the transaction queue the bankwise buffer blocks at the head: the next bank's ACT cannot overlap a stream.
        var stream = TraceGenerators.Stream(20_000, 0);
        var dramSys = new DramSimulator().Run(DramConfig.Create("DDR4_2400_8Gb_x8", [KeyValuePair.Create("RefreshPolicy", "NoRefresh")]), stream);
        var dramSim3 = new DramSimulator().Run(DramConfig.Create("DDR4_2400_8Gb_x8",
            [KeyValuePair.Create("RefreshPolicy", "NoRefresh"), KeyValuePair.Create("TransactionQueueSize", "32")]), stream);
        Assert.That(new ControllerConfig().TransactionQueueSize, Is.Zero);
        Assert.That(dramSim3.BandwidthGBps, Is.GreaterThan(1.1 * dramSys.BandwidthGBps));
    }
}
