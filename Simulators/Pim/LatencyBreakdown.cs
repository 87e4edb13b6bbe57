namespace ArchGym.Simulators.Pim;

/// <summary>
/// Latency in µs split by what the time was spent on: in-bank weight VMMs, in-bank attention products (q·Kᵀ, s·V),
/// the ASIC (LayerNorm, softmax, GELU, residuals, partial sums, and any product it does itself), and data movement
/// over the channel buses (input-buffer loads, result read-back, KV-cache appends, operands streamed to the ASIC,
/// PIM mode and register commands). Refresh stalls are charged to the PIM work they interrupt.
/// </summary>
public readonly record struct LatencyBreakdown(double VmmUs, double AttentionUs, double AsicUs, double DataMovementUs)
{
    public double TotalUs => VmmUs + AttentionUs + AsicUs + DataMovementUs;

    public static LatencyBreakdown operator +(LatencyBreakdown a, LatencyBreakdown b) =>
        new(a.VmmUs + b.VmmUs, a.AttentionUs + b.AttentionUs, a.AsicUs + b.AsicUs, a.DataMovementUs + b.DataMovementUs);

    public LatencyBreakdown Times(double n) => new(VmmUs * n, AttentionUs * n, AsicUs * n, DataMovementUs * n);
}
