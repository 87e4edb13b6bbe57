using ArchGym.Simulators.Pim.Energy;

namespace ArchGym.Simulators.Pim;

/// <summary>One generated token (one decoder step with the LM head).</summary>
/// <param name="Index">0-based index among the generated tokens.</param>
/// <param name="KvLength">Tokens in the KV cache during this step (prompt + tokens so far, including this one).</param>
/// <param name="RowHitRate">Column accesses that found their row open, over the step's PIM row accesses.</param>
/// <param name="GpuLatencyUs">The same step on the GPU baseline (roofline + launch overhead).</param>
public sealed record TokenReport(int Index, int KvLength, LatencyBreakdown Latency, EnergyBreakdown Energy,
    double RowHitRate, double GpuLatencyUs)
{
    public double LatencyUs => Latency.TotalUs;
    public double EnergyUj => Energy.TotalUj;
}

/// <summary>Totals of a phase (prompt processing or generation).</summary>
public sealed record PhaseReport(int Steps, LatencyBreakdown Latency, EnergyBreakdown Energy, double GpuLatencyUs,
    double GpuEnergyUj, long RowHits, long RowAccesses, long Refreshes, long BusBytes)
{
    public double LatencyUs => Latency.TotalUs;
    public double EnergyUj => Energy.TotalUj;
    public double RowHitRate => RowAccesses == 0 ? 0 : (double)RowHits / RowAccesses;
}

/// <summary>
/// A GPT generation on a PIM system: per generated token and per run, latency split into VMM / attention / ASIC /
/// data movement, energy split into DRAM core / MAC / ASIC / I/O, row-buffer hit rate, and the GPU baseline.
/// Per-token figures are averages over the generated tokens; the prompt is reported separately (<see cref="Prompt"/>).
/// </summary>
public sealed record PimReport(
    PimConfig Config,
    string Model,
    int PromptTokens,
    int GeneratedTokens,
    IReadOnlyList<TokenReport> Tokens,
    PhaseReport Prompt,
    PhaseReport Generation,
    string Gpu)
{
    public LatencyBreakdown LatencyPerToken => Generation.Latency.Times(1.0 / GeneratedTokens);
    public EnergyBreakdown EnergyPerToken => Generation.Energy.Times(1.0 / GeneratedTokens);

    /// <summary>Mean latency of a generated token, µs (json: latency_per_token_us).</summary>
    public double LatencyPerTokenUs => Generation.LatencyUs / GeneratedTokens;

    /// <summary>Mean energy of a generated token, µJ (json: energy_per_token_uj).</summary>
    public double EnergyPerTokenUj => Generation.EnergyUj / GeneratedTokens;

    public double VmmUs => LatencyPerToken.VmmUs;
    public double AttentionUs => LatencyPerToken.AttentionUs;
    public double AsicUs => LatencyPerToken.AsicUs;
    public double DataMovementUs => LatencyPerToken.DataMovementUs;

    /// <summary>Row-buffer hit rate of the generation phase (json: row_hit_rate).</summary>
    public double RowHitRate => Generation.RowHitRate;

    /// <summary>GPU time / PIM time over the generated tokens (json: speedup_vs_gpu).</summary>
    public double SpeedupVsGpu => Generation.GpuLatencyUs / Generation.LatencyUs;

    /// <summary>GPU energy / PIM energy over the generated tokens.</summary>
    public double EnergyEfficiencyVsGpu => Generation.GpuEnergyUj / Generation.EnergyUj;

    public double GpuLatencyPerTokenUs => Generation.GpuLatencyUs / GeneratedTokens;

    /// <summary>Generated tokens per second of simulated time.</summary>
    public double TokensPerSecond => 1e6 / LatencyPerTokenUs;

    /// <summary>Prompt + generation.</summary>
    public double TotalLatencyUs => Prompt.LatencyUs + Generation.LatencyUs;

    public double TotalEnergyUj => Prompt.EnergyUj + Generation.EnergyUj;
}
