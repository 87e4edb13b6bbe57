using ArchGym.Simulators.Dram;

namespace ArchGym.Experiments.Reports;

/// <summary>
/// <c>simulate dram</c> results. <see cref="Keys"/> (names and order) is the JSON contract; counts are integers, times in
/// ns, energy in pJ, power in mW, bandwidth in GB/s. The table shows the same values plus p50 latency and the request
/// counts. Written through <see cref="PimResultWriter"/>'s generic two-column table and JSON object.
/// </summary>
public static class DramResultWriter
{
    public static readonly IReadOnlyList<string> Keys =
    [
        "total_cycles", "total_time_ns", "avg_read_latency_ns", "p99_read_latency_ns", "bandwidth_gbps", "row_hit_rate",
        "num_act", "num_pre", "num_rd", "num_wr", "num_ref", "total_energy_pj", "avg_power_mw", "sim_wall_ms",
    ];

    public static Dictionary<string, object> Values(DramReport r, double simWallMs)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new Dictionary<string, object>
        {
            ["total_cycles"] = r.SimulatedCycles, ["total_time_ns"] = r.SimulatedTimeNs, ["avg_read_latency_ns"] = r.AverageReadLatencyNs,
            ["p99_read_latency_ns"] = r.P99ReadLatencyNs, ["bandwidth_gbps"] = r.BandwidthGBps, ["row_hit_rate"] = r.RowBufferHitRate,
            ["num_act"] = r.Activates, ["num_pre"] = r.Precharges, ["num_rd"] = r.ReadCommands, ["num_wr"] = r.WriteCommands,
            ["num_ref"] = r.Refreshes, ["total_energy_pj"] = r.TotalEnergyPicojoules, ["avg_power_mw"] = r.AveragePowerMilliwatts,
            ["sim_wall_ms"] = simWallMs,
        };
    }

    /// <summary><see cref="Values"/> with the rows the JSON contract leaves out, for the table.</summary>
    public static Dictionary<string, object> TableValues(DramReport r, double simWallMs, double parseWallMs)
    {
        var rows = Values(r, simWallMs);
        rows["requests"] = r.Requests;
        rows["reads"] = r.ReadRequests;
        rows["writes"] = r.WriteRequests;
        rows["p50_read_latency_ns"] = r.P50ReadLatencyNs;
        rows["trace_parse_wall_ms"] = parseWallMs;
        rows["requests_per_s"] = simWallMs > 0 ? r.Requests / (simWallMs / 1000) : 0.0;
        return rows;
    }

    public static void WriteJson(TextWriter w, DramReport r, double simWallMs) => PimResultWriter.WriteJson(w, Values(r, simWallMs));

    public static void WriteTable(TextWriter w, string title, DramReport r, double simWallMs, double parseWallMs) =>
        PimResultWriter.WriteTable(w, title, TableValues(r, simWallMs, parseWallMs));
}
