using ArchGym.Simulators.Dram;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>
/// Every DRAMSys row of <c>sample.csv</c> (DDR4-2400 4Gb x8, each row's mcconfig) re-simulated in both
/// timing modes. <see cref="TimingMode.DramSys5"/> reproduces DRAMSys's own auto-precharge timing, so
/// every row must match to 0.1 % (cycles, bandwidth, mean read latency) and every command count exactly:
/// the controller, refresh, front end and timing model are DRAMSys's. In the default JEDEC mode open
/// page rows keep that tolerance; closed page holds each auto-precharge to ACT + tRAS (tRC = 55 between
/// same-bank ACTs, where DRAMSys allows tRCD + tRTP + tRP = 44), which the reference README asks for:
/// random closed rows then stay within 1 % in cycles and bandwidth and 15 % in latency (same-bank
/// collisions wait tRC), and same-bank closed rows (stream, row_interleave) must run 55/44 times
/// longer than DRAMSys within 1 %.
/// </summary>
[TestFixture]
public class DramSysReferenceTests
{
    public static IEnumerable<TestCaseData> Rows()
    {
        if (!DramReference.Available()) yield break;
        foreach (var row in DramReference.ReadCsv(DramReference.PathOf("sample.csv")).Where(r => r["simulator"] == "DRAMSys"))
            foreach (var mode in new[] { TimingMode.DramSys5, TimingMode.Jedec })
                yield return new TestCaseData(row, mode).SetName($"DRAMSys_{mode}_{row["page_policy"]}_{row["scheduler"]}_{row["sched_buffer"]}_{row["trace"]}");
    }

    [TestCaseSource(nameof(Rows))]
    public void MatchesDramSys(IReadOnlyDictionary<string, string> row, TimingMode mode)
    {
        var config = new DramConfig("JEDEC_4Gb_DDR4-2400_8bit_A",
            DramReference.McConfig($"{row["page_policy"]}_{row["scheduler"]}_{row["sched_buffer"]}"), DramReference.Ddr4Mapping(), timingMode: mode);
        var r = new DramSimulator().Run(config, DramReference.Trace(row["trace"]));
        bool closed = row["page_policy"] == "Closed", sameBank = closed && row["pattern"] != "random_read";
        TestContext.Out.WriteLine($"{mode} {row["page_policy"]} {row["scheduler"]} {row["trace"]}: cycles {DramReference.Err(r.SimulatedCycles, row.Number("total_cycles"))}, " +
            $"bandwidth {DramReference.Err(r.BandwidthGBps, row.Number("bandwidth_GBps"))}, latency {DramReference.Err(r.AverageReadLatencyCycles, row.Number("avg_read_latency_cycles"))}, " +
            $"hit {r.RowBufferHitRate:F4} vs {row["row_hit_rate"]}, ACT {r.Activates} vs {row["num_act"]}, PRE {r.Precharges} vs {row["num_pre"]}, REF {r.Refreshes} vs {row["num_ref"]}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Requests, Is.EqualTo((long)row.Number("n_requests")));
            Assert.That(r.ReadCommands, Is.EqualTo((long)row.Number("num_rd")));
            if (mode == TimingMode.DramSys5 || !closed)
            {
                Assert.That(r.SimulatedCycles, Is.EqualTo(row.Number("total_cycles")).Within(0.1).Percent, "total cycles");
                Assert.That(r.BandwidthGBps, Is.EqualTo(row.Number("bandwidth_GBps")).Within(0.1).Percent, "bandwidth");
                Assert.That(r.AverageReadLatencyCycles, Is.EqualTo(row.Number("avg_read_latency_cycles")).Within(0.1).Percent, "latency");
                Assert.That(r.RowBufferHitRate, Is.EqualTo(row.Number("row_hit_rate")).Within(0.0001), "row-hit rate");
                Assert.That(r.Activates, Is.EqualTo((long)row.Number("num_act")), "ACT");
                Assert.That(r.Precharges, Is.EqualTo((long)row.Number("num_pre")), "PRE");
                Assert.That(r.Refreshes, Is.EqualTo((long)row.Number("num_ref")), "REF");
            }
            else if (!sameBank)
            {
                Assert.That(r.SimulatedCycles, Is.EqualTo(row.Number("total_cycles")).Within(1).Percent, "total cycles");
                Assert.That(r.BandwidthGBps, Is.EqualTo(row.Number("bandwidth_GBps")).Within(1).Percent, "bandwidth");
                Assert.That(r.AverageReadLatencyCycles, Is.EqualTo(row.Number("avg_read_latency_cycles")).Within(15).Percent, "latency");
                Assert.That(r.Activates, Is.EqualTo(row.Number("num_act")).Within(0.1).Percent, "ACT");
            }
            else
            {
                var t = config.Resolve().Standard.Timing;
                double ratio = (double)t.RC / (t.RCD + t.RTP + t.RP);
                Assert.That(r.SimulatedCycles, Is.EqualTo(row.Number("total_cycles") * ratio).Within(1).Percent, "total cycles, scaled by tRC / (tRCD + tRTP + tRP)");
                Assert.That(r.RowBufferHitRate, Is.Zero, "closed page: every access activates");
            }
        }
    }
}
