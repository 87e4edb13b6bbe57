using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>
/// ArchGym's default DRAMGym point (DDR3-1600, policy.json, its address mapping) on its four traces
/// against DRAMSys 5 + DRAMPower (<c>archgym-configs/sample_default_policy.csv</c>). Tolerances: total
/// time, bandwidth, latency, energy and power 0.01 %, row-hit rate 0.0001, ACT/PRE exact. The
/// embedded ArchGym traces must be the reference files request for request.
/// </summary>
[TestFixture]
public class ArchGymReferenceTests
{
    public static IEnumerable<TestCaseData> Rows()
    {
        if (!DramReference.Available()) yield break;
        foreach (var row in DramReference.ReadCsv(DramReference.PathOf("archgym-configs", "sample_default_policy.csv")))
            yield return new TestCaseData(row).SetName($"ArchGymDefault_{row["trace"]}");
    }

    [TestCaseSource(nameof(Rows))]
    public void MatchesDramSysWithDramPower(IReadOnlyDictionary<string, string> row)
    {
        var config = new DramConfig("MICRON_1Gb_DDR3-1600_8bit_G",
            McConfigReader.ReadFile(DramReference.PathOf("archgym-configs", "policy.json")),
            AddressMappingReader.ReadFile(DramReference.PathOf("archgym-configs", "am_ddr3_8x1Gbx8_dimm_p1KB_rbc.json")));
        var r = new DramSimulator().Run(config, ArchGymTraceFiles.Get(row["trace"]));
        TestContext.Out.WriteLine($"{row["trace"]}: time {DramReference.Err(r.SimulatedTimeNs, row.Number("total_time_ns"))} ns, latency {DramReference.Err(r.AverageReadLatencyNs, row.Number("avg_read_latency_ns"))} ns, " +
            $"bandwidth {DramReference.Err(r.BandwidthGBps, row.Number("bandwidth_GBps"))}, energy {DramReference.Err(r.TotalEnergyPicojoules, row.Number("total_energy_pJ"))} pJ, power {DramReference.Err(r.AveragePowerMilliwatts, row.Number("avg_power_mW"))} mW");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.SimulatedTimeNs, Is.EqualTo(row.Number("total_time_ns")).Within(0.01).Percent, "total time");
            Assert.That(r.AverageReadLatencyNs, Is.EqualTo(row.Number("avg_read_latency_ns")).Within(0.01).Percent, "latency");
            Assert.That(r.BandwidthGBps, Is.EqualTo(row.Number("bandwidth_GBps")).Within(0.01).Percent, "bandwidth");
            Assert.That(r.RowBufferHitRate, Is.EqualTo(row.Number("row_hit_rate")).Within(0.0001), "row-hit rate");
            Assert.That(r.Activates, Is.EqualTo((long)row.Number("num_act")), "ACT");
            Assert.That(r.Precharges, Is.EqualTo((long)(row.Number("num_pre") + row.Number("num_prea"))), "PRE");
            Assert.That(r.Refreshes, Is.EqualTo((long)row.Number("num_ref")), "REF");
            Assert.That(r.TotalEnergyPicojoules, Is.EqualTo(row.Number("total_energy_pJ")).Within(0.01).Percent, "energy");
            Assert.That(r.AveragePowerMilliwatts, Is.EqualTo(row.Number("avg_power_mW")).Within(0.01).Percent, "power");
        }
    }

    [TestCaseSource(typeof(ArchGymTraceFiles), nameof(ArchGymTraceFiles.Names))]
    public void EmbeddedTraces_AreArchGymsFiles(string name)
    {
        var reference = new TraceFile(DramReference.PathOf("archgym-traces", name + ".stl.gz")).Read().ToList();
        Assert.That(ArchGymTraceFiles.Get(name).Read(), Is.EqualTo(reference));
        Assert.That(reference, Has.Count.EqualTo(10_000));
    }

    [Test]
    public void DefaultConfig_IsArchGymsPolicyAndMapping()
    {
        var policy = McConfigReader.ReadFile(DramReference.PathOf("archgym-configs", "policy.json"));
        var mapping = AddressMappingReader.ReadFile(DramReference.PathOf("archgym-configs", "am_ddr3_8x1Gbx8_dimm_p1KB_rbc.json"));
        var archGym = DramConfig.ArchGymDefault();
        var ours = archGym.Resolve().Mapping;
        Assert.That(archGym.Controller with { RequestBufferSizeRead = 8, RequestBufferSizeWrite = 8 }, Is.EqualTo(policy));
        foreach (var address in new ulong[] { 0, 0x40, 0x2000, 0x10000, 0x3FFFFFC0, 0x12345640 })
            Assert.That(ours.Decode(address), Is.EqualTo(mapping.Decode(address)), $"0x{address:X}");
    }
}
