using System.Globalization;
using System.Text.Json;
using ArchGym.Simulators.Pim;
using ArchGym.Simulators.Pim.Area;
using Spectre.Console;

namespace ArchGym.Experiments.Reports;

/// <summary>
/// Writes <c>simulate pim</c> results as a two-column table or one JSON object. The JSON names and their order are
/// the CLI contract: a generation gives <see cref="GenerationKeys"/>, a GEMV gives <see cref="GemvKeys"/>; the table
/// shows the same values and, for a generation, the area of the added logic and the token rate.
/// </summary>
public static class PimResultWriter
{
    public static readonly IReadOnlyList<string> GenerationKeys =
    [
        "latency_per_token_us", "energy_per_token_uj", "vmm_us", "attention_us", "asic_us", "data_movement_us",
        "row_hit_rate", "speedup_vs_gpu", "sim_wall_ms",
    ];

    public static readonly IReadOnlyList<string> GemvKeys =
        ["out_dim", "in_dim", "gemv_cycles", "nonpim_cycles", "speedup_vs_nonpim", "gemv_us", "row_hit_rate", "sim_wall_ms"];

    public static Dictionary<string, object> Generation(PimReport r, double simWallMs) => new()
    {
        ["latency_per_token_us"] = r.LatencyPerTokenUs, ["energy_per_token_uj"] = r.EnergyPerTokenUj, ["vmm_us"] = r.VmmUs,
        ["attention_us"] = r.AttentionUs, ["asic_us"] = r.AsicUs, ["data_movement_us"] = r.DataMovementUs,
        ["row_hit_rate"] = r.RowHitRate, ["speedup_vs_gpu"] = r.SpeedupVsGpu, ["sim_wall_ms"] = simWallMs,
    };

    public static Dictionary<string, object> Gemv(GemvReport r, double simWallMs) => new()
    {
        ["out_dim"] = r.OutDim, ["in_dim"] = r.InDim, ["gemv_cycles"] = r.GemvCycles, ["nonpim_cycles"] = r.StreamingCycles,
        ["speedup_vs_nonpim"] = r.SpeedupVsStreaming, ["gemv_us"] = r.PimUs, ["row_hit_rate"] = r.RowHitRate, ["sim_wall_ms"] = simWallMs,
    };

    public static void WriteJson(TextWriter w, IReadOnlyDictionary<string, object> values) =>
        w.WriteLine(JsonSerializer.Serialize(values, new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>A generation's values with the area and tokens/s rows the JSON contract leaves out.</summary>
    public static Dictionary<string, object> GenerationTable(PimReport r, PimArea area, double simWallMs)
    {
        var rows = Generation(r, simWallMs);
        rows["tokens_per_s"] = r.TokensPerSecond;
        rows["area_mm2"] = area.TotalMm2;
        return rows;
    }

    public static void WriteTable(TextWriter w, string title, IReadOnlyDictionary<string, object> values)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(w), Ansi = AnsiSupport.No });
        w.WriteLine(title);
        var table = new Table().Border(TableBorder.Simple).AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (key, value) in values) table.AddRow(Markup.Escape(key), Markup.Escape(Format(value)));
        console.Write(table);
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
