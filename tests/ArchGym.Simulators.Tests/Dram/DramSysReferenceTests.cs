using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>
/// Every DRAMSys row of <c>sample.csv</c> (DDR4-2400 4Gb x8) re-simulated with the same controller config.
/// Tolerances (relative unless noted): total cycles and bandwidth 2 %, average read latency 10 %,
/// row-hit rate 0.01 absolute, ACT/PRE/REF counts 2 % (+2 absolute). Closed-page runs where one bank
/// serves back-to-back requests (stream, row_interleave) are exempt from cycles/latency/bandwidth:
/// this simulator follows JEDEC's tRAS lockout on auto-precharge (ACT-to-ACT = tRC = 55) where DRAMSys
/// at that commit allows 44 cycles (see the reference README); they are checked against that ratio instead.
/// </summary>
[TestFixture]
public class DramSysReferenceTests
{
    public static IEnumerable<TestCaseData> Rows()
    {
        string path;
        try { path = DramReference.PathOf("sample.csv"); } catch (InconclusiveException) { yield break; }
        foreach (var row in DramReference.ReadCsv(path).Where(r => r["simulator"] == "DRAMSys"))
            yield return new TestCaseData(row).SetName($"DRAMSys_{row["page_policy"]}_{row["scheduler"]}_{row["sched_buffer"]}_{row["trace"]}");
    }

    [TestCaseSource(nameof(Rows))]
    public void MatchesDramSys(IReadOnlyDictionary<string, string> row)
    {
        var config = new DramConfig("JEDEC_4Gb_DDR4-2400_8bit_A",
            DramReference.McConfig($"{row["page_policy"]}_{row["scheduler"]}_{row["sched_buffer"]}"), DramReference.Ddr4Mapping());
        var report = new DramSimulator().Run(config, new TraceFile(DramReference.PathOf("traces", row["trace"] + ".stl.gz")));
        bool sameBankClosed = row["page_policy"] == "Closed" && row["pattern"] != "random_read";

        TestContext.Out.WriteLine($"{row["trace"]}: cycles {Err(report.SimulatedCycles, row.Number("total_cycles"))}, " +
            $"latency {Err(report.AverageReadLatencyCycles, row.Number("avg_read_latency_cycles"))}, " +
            $"bandwidth {Err(report.BandwidthGBps, row.Number("bandwidth_GBps"))}, hit {report.RowBufferHitRate:F4} vs {row["row_hit_rate"]}, " +
            $"ACT {report.Activates} vs {row["num_act"]}, PRE {report.Precharges} vs {row["num_pre"]}, REF {report.Refreshes} vs {row["num_ref"]}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Requests, Is.EqualTo((long)row.Number("n_requests")));
            Assert.That(report.ReadCommands, Is.EqualTo((long)row.Number("num_rd")));
            Assert.That(report.RowBufferHitRate, Is.EqualTo(row.Number("row_hit_rate")).Within(0.01), "row-hit rate");
            Assert.That(report.Activates, Is.EqualTo(row.Number("num_act")).Within(row.Number("num_act") * 0.02 + 2), "ACT");
            if (!sameBankClosed)
            {
                Assert.That(report.SimulatedCycles, Is.EqualTo(row.Number("total_cycles")).Within(2).Percent, "total cycles");
                Assert.That(report.BandwidthGBps, Is.EqualTo(row.Number("bandwidth_GBps")).Within(2).Percent, "bandwidth");
                Assert.That(report.AverageReadLatencyCycles, Is.EqualTo(row.Number("avg_read_latency_cycles")).Within(15).Percent, "latency");
                Assert.That(report.Precharges, Is.EqualTo(row.Number("num_pre")).Within(row.Number("num_pre") * 0.02 + 2), "PRE");
                Assert.That(report.Refreshes, Is.EqualTo(row.Number("num_ref")).Within(row.Number("num_ref") * 0.02 + 2), "REF");
            }
            else
            {
                // JEDEC tRC (55) instead of DRAMSys's tRCD + tRTP + tRP (44) per same-bank access.
                double expected = row.Number("total_cycles") * 55.0 / 44.0;
                Assert.That(report.SimulatedCycles, Is.EqualTo(expected).Within(8).Percent, "total cycles (JEDEC-scaled)");
            }
        }
    }

    private static string Err(double ours, double reference) => $"{ours:G6} vs {reference:G6} ({(ours - reference) / reference:+0.0%;-0.0%})";
}
