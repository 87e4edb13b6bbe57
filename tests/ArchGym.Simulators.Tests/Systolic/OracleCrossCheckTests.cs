using NUnit.Framework;
using System.Globalization;
using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Tests.Systolic;

/// <summary>
/// Random non-square arrays, small and large SRAMs, bandwidths 1..16, GEMM and conv (overlapping
/// windows, column strides), all three dataflows and both modes, against a literal per-address
/// re-implementation of SCALE-Sim 2.0.2 (see Data/README.md). Everything exact; floats to 1e-9 relative.
/// </summary>
[TestFixture]
public class OracleCrossCheckTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        new[] { ("scalesim_oracle_cases.csv", "Oracle"), ("scalesim_oracle_big.csv", "OracleBig") }
            .Where(f => File.Exists(Path.Combine(ReferenceData.TestDataFolder, f.Item1)))
            .SelectMany(f => ReferenceData.ReadCsv(Path.Combine(ReferenceData.TestDataFolder, f.Item1)).Select(row =>
                new TestCaseData(row).SetName(
                    $"{f.Item2}_{row["seed"]}_{row["kind"]}_{row["array_h"]}x{row["array_w"]}_{row["dataflow"]}_{row["bw_mode"]}_exact")));

    [TestCaseSource(nameof(Cases))]
    public void MatchesOracle(Dictionary<string, string> row)
    {
        int I(string key) => int.Parse(row[key], CultureInfo.InvariantCulture);
        var config = new SystolicConfig(I("array_h"), I("array_w"), DataflowNames.Parse(row["dataflow"]),
            I("ifmap_sram_kb"), I("filter_sram_kb"), I("ofmap_sram_kb"),
            row["bw_mode"] == "USER" ? BandwidthMode.User : BandwidthMode.Calc, I("bandwidth"));
        var layer = new Layer("case", I("ifmap_h"), I("ifmap_w"), I("filter_h"), I("filter_w"),
            I("channels"), I("num_filters"), I("stride_h"), I("stride_w"));
        var r = new SystolicSimulator().RunLayer(config, layer);
        var c = r.DramCycles!;
        var actual = new Dictionary<string, double>
        {
            ["total_cycles"] = r.TotalCycles, ["stall_cycles"] = r.StallCycles, ["compute_cycles_no_stall"] = r.ComputeCycles,
            ["overall_util_pct"] = r.OverallUtilPct, ["mapping_eff_pct"] = r.MappingEffPct, ["compute_util_pct"] = r.ComputeUtilPct,
            ["ifmap_sram_reads"] = r.IfmapSramReads, ["filter_sram_reads"] = r.FilterSramReads, ["ofmap_sram_writes"] = r.OfmapSramWrites,
            ["ifmap_dram_reads"] = r.IfmapDramReads, ["filter_dram_reads"] = r.FilterDramReads, ["ofmap_dram_writes"] = r.OfmapDramWrites,
            ["avg_ifmap_dram_bw"] = r.AvgIfmapDramBw, ["avg_filter_dram_bw"] = r.AvgFilterDramBw, ["avg_ofmap_dram_bw"] = r.AvgOfmapDramBw,
            ["ifmap_dram_start_cycle"] = c.IfmapStart, ["ifmap_dram_stop_cycle"] = c.IfmapStop,
            ["filter_dram_start_cycle"] = c.FilterStart, ["filter_dram_stop_cycle"] = c.FilterStop,
            ["ofmap_dram_start_cycle"] = c.OfmapStart, ["ofmap_dram_stop_cycle"] = c.OfmapStop,
        };
        Assert.Multiple(() =>
        {
            foreach (var (column, value) in actual)
            {
                double expected = double.Parse(row[column], CultureInfo.InvariantCulture);
                Assert.That(value, Is.EqualTo(expected).Within(1e-9 * Math.Max(1, Math.Abs(expected))), column);
            }
        });
    }
}
