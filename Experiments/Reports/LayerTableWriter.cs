using System.Globalization;
using System.Text.Json;
using ArchGym.Simulators.Systolic;
using Spectre.Console;

namespace ArchGym.Experiments.Reports;

/// <summary>
/// Writes a systolic simulation one row per layer, as a table, CSV or JSON, with the column names
/// fixed by the CLI contract (csv and json use exactly these names).
/// </summary>
public static class LayerTableWriter
{
    public static readonly string[] Columns =
    [
        "layer", "total_cycles", "compute_cycles", "stall_cycles", "overall_util_pct", "mapping_eff_pct",
        "ifmap_sram_reads", "filter_sram_reads", "ofmap_sram_writes", "ifmap_dram_reads", "filter_dram_reads",
        "ofmap_dram_writes", "energy_pj", "area_mm2",
    ];

    public static string[] Cells(LayerReport r) =>
    [
        r.Layer, I(r.TotalCycles), I(r.ComputeCycles), I(r.StallCycles), D(r.OverallUtilPct), D(r.MappingEffPct),
        I(r.IfmapSramReads), I(r.FilterSramReads), I(r.OfmapSramWrites), I(r.IfmapDramReads), I(r.FilterDramReads),
        I(r.OfmapDramWrites), D(r.EnergyPj), D(r.AreaMm2),
    ];

    public static void WriteCsv(TextWriter w, IEnumerable<LayerReport> layers)
    {
        w.WriteLine(string.Join(",", Columns));
        foreach (var r in layers) w.WriteLine(string.Join(",", Cells(r).Select(Quote)));
    }

    public static void WriteJson(TextWriter w, IEnumerable<LayerReport> layers)
    {
        var rows = layers.Select(r => new Dictionary<string, object>
        {
            ["layer"] = r.Layer, ["total_cycles"] = r.TotalCycles, ["compute_cycles"] = r.ComputeCycles,
            ["stall_cycles"] = r.StallCycles, ["overall_util_pct"] = r.OverallUtilPct, ["mapping_eff_pct"] = r.MappingEffPct,
            ["ifmap_sram_reads"] = r.IfmapSramReads, ["filter_sram_reads"] = r.FilterSramReads,
            ["ofmap_sram_writes"] = r.OfmapSramWrites, ["ifmap_dram_reads"] = r.IfmapDramReads,
            ["filter_dram_reads"] = r.FilterDramReads, ["ofmap_dram_writes"] = r.OfmapDramWrites,
            ["energy_pj"] = r.EnergyPj, ["area_mm2"] = r.AreaMm2,
        }).ToList();
        w.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
    }

    public static void WriteTable(IAnsiConsole console, IEnumerable<LayerReport> layers)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var c in Columns) table.AddColumn(new TableColumn(c).RightAligned());
        foreach (var r in layers) table.AddRow(Cells(r).Select(Markup.Escape).ToArray());
        console.Write(table);
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
