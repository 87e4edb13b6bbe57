using NUnit.Framework;
using System.Globalization;
using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Tests.Systolic;

/// <summary>
/// Every row of SCALE-Sim v2's public sample (shared/reference/scalesim/sample.csv) against our simulator.
/// Tolerances: integers (cycles, stalls, SRAM and DRAM counts, DRAM start/stop cycles) exact;
/// floats (utilisations, mapping efficiency, average bandwidths) to 1e-9 relative.
/// </summary>
[TestFixture]
public class ScaleSimSampleTests
{
    public static IEnumerable<TestCaseData> Rows() =>
        ReferenceData.ReadCsv(Path.Combine(ReferenceData.ScaleSimFolder, "sample.csv")).Select(row =>
            new TestCaseData(row).SetName($"Sample_{row["case_id"]}_{row["layer_name"]}_{row["array_h"]}x{row["array_w"]}_{row["dataflow"]}_{row["bw_mode"]}_exact"));

    [TestCaseSource(nameof(Rows))]
    public void MatchesScaleSim(Dictionary<string, string> row)
    {
        var (config, layer) = CaseOf(row);
        var report = new SystolicSimulator().RunLayer(config, layer);
        var cycles = report.DramCycles!;
        Assert.Multiple(() =>
        {
            Exact(row, "total_cycles", report.TotalCycles);
            Exact(row, "stall_cycles", report.StallCycles);
            Exact(row, "compute_cycles_no_stall", report.ComputeCycles);
            Close(row, "overall_util_pct", report.OverallUtilPct);
            Close(row, "mapping_eff_pct", report.MappingEffPct);
            Close(row, "compute_util_pct", report.ComputeUtilPct);
            Exact(row, "ifmap_sram_reads", report.IfmapSramReads);
            Exact(row, "filter_sram_reads", report.FilterSramReads);
            Exact(row, "ofmap_sram_writes", report.OfmapSramWrites);
            Close(row, "avg_ifmap_sram_bw", report.AvgIfmapSramBw);
            Close(row, "avg_filter_sram_bw", report.AvgFilterSramBw);
            Close(row, "avg_ofmap_sram_bw", report.AvgOfmapSramBw);
            Exact(row, "ifmap_dram_reads", report.IfmapDramReads);
            Exact(row, "filter_dram_reads", report.FilterDramReads);
            Exact(row, "ofmap_dram_writes", report.OfmapDramWrites);
            Close(row, "avg_ifmap_dram_bw", report.AvgIfmapDramBw);
            Close(row, "avg_filter_dram_bw", report.AvgFilterDramBw);
            Close(row, "avg_ofmap_dram_bw", report.AvgOfmapDramBw);
            Exact(row, "ifmap_dram_start_cycle", cycles.IfmapStart);
            Exact(row, "ifmap_dram_stop_cycle", cycles.IfmapStop);
            Exact(row, "filter_dram_start_cycle", cycles.FilterStart);
            Exact(row, "filter_dram_stop_cycle", cycles.FilterStop);
            Exact(row, "ofmap_dram_start_cycle", cycles.OfmapStart);
            Exact(row, "ofmap_dram_stop_cycle", cycles.OfmapStop);
        });
    }

    internal static (SystolicConfig Config, Layer Layer) CaseOf(Dictionary<string, string> row)
    {
        int I(string key) => int.Parse(row[key], CultureInfo.InvariantCulture);
        var config = new SystolicConfig(I("array_h"), I("array_w"), DataflowNames.Parse(row["dataflow"]),
            I("ifmap_sram_kb"), I("filter_sram_kb"), I("ofmap_sram_kb"),
            row["bw_mode"] == "USER" ? BandwidthMode.User : BandwidthMode.Calc, I("bandwidth_cfg"));
        var layer = new Layer(row["layer_name"], I("ifmap_h"), I("ifmap_w"), I("filter_h"), I("filter_w"),
            I("channels"), I("num_filters"), I("stride_h"), I("stride_w"));
        return (config, layer);
    }

    private static void Exact(Dictionary<string, string> row, string column, long actual) =>
        Assert.That(actual, Is.EqualTo(long.Parse(row[column], CultureInfo.InvariantCulture)), column);

    private static void Close(Dictionary<string, string> row, string column, double actual)
    {
        double expected = double.Parse(row[column], CultureInfo.InvariantCulture);
        Assert.That(actual, Is.EqualTo(expected).Within(1e-9 * Math.Max(1, Math.Abs(expected))), column);
    }
}
