using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>
/// ArchGym's default DRAMGym point (DDR3-1600, policy.json) on its four traces against DRAMSys 5 +
/// DRAMPower (<c>archgym-configs/sample_default_policy.csv</c>). Tolerances: total time 1 %, latency 5 %,
/// bandwidth 1 %, row-hit 0.01 absolute, ACT/PRE 1 % + 2, energy and power 2 %.
/// </summary>
[TestFixture]
public class ArchGymReferenceTests
{
    public static IEnumerable<TestCaseData> Rows()
    {
        string path;
        try { path = DramReference.PathOf("archgym-configs", "sample_default_policy.csv"); } catch (InconclusiveException) { yield break; }
        foreach (var row in DramReference.ReadCsv(path))
            yield return new TestCaseData(row).SetName($"ArchGymDefault_{row["trace"]}");
    }

    [TestCaseSource(nameof(Rows))]
    public void MatchesDramSysWithDramPower(IReadOnlyDictionary<string, string> row)
    {
        var config = new DramConfig("MICRON_1Gb_DDR3-1600_8bit_G",
            McConfigReader.ReadFile(DramReference.PathOf("archgym-configs", "policy.json")),
            AddressMappingReader.ReadFile(DramReference.PathOf("archgym-configs", "am_ddr3_8x1Gbx8_dimm_p1KB_rbc.json")));
        var r = new DramSimulator().Run(config, new TraceFile(DramReference.PathOf("archgym-traces", row["trace"] + ".stl.gz")));
        TestContext.Out.WriteLine($"{row["trace"]}: time {r.SimulatedTimeNs:F2} vs {row["total_time_ns"]} ns, latency {r.AverageReadLatencyNs:F3} vs {row["avg_read_latency_ns"]}, " +
            $"energy {r.TotalEnergyPicojoules:F0} vs {row["total_energy_pJ"]} pJ, power {r.AveragePowerMilliwatts:F2} vs {row["avg_power_mW"]} mW");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.SimulatedTimeNs, Is.EqualTo(row.Number("total_time_ns")).Within(1).Percent, "total time");
            Assert.That(r.AverageReadLatencyNs, Is.EqualTo(row.Number("avg_read_latency_ns")).Within(5).Percent, "latency");
            Assert.That(r.BandwidthGBps, Is.EqualTo(row.Number("bandwidth_GBps")).Within(1).Percent, "bandwidth");
            Assert.That(r.RowBufferHitRate, Is.EqualTo(row.Number("row_hit_rate")).Within(0.01), "row-hit rate");
            Assert.That(r.Activates, Is.EqualTo(row.Number("num_act")).Within(row.Number("num_act") * 0.01 + 2), "ACT");
            Assert.That(r.Precharges, Is.EqualTo(row.Number("num_pre")).Within(row.Number("num_pre") * 0.01 + 2), "PRE");
            Assert.That(r.Refreshes, Is.EqualTo((long)row.Number("num_ref")), "REF");
            Assert.That(r.TotalEnergyPicojoules, Is.EqualTo(row.Number("total_energy_pJ")).Within(2).Percent, "energy");
            Assert.That(r.AveragePowerMilliwatts, Is.EqualTo(row.Number("avg_power_mW")).Within(2).Percent, "power");
        }
    }
}
