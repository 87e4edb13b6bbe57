namespace ArchGym.Simulators.Pim.Commands;

/// <summary>
/// Outcome of one channel's command schedule (refresh excluded; see <see cref="RefreshClock"/>): cycles charged
/// to each <see cref="WorkCategory"/> (they sum to <see cref="Cycles"/>) and command counts for the energy model.
/// All-bank commands count once here (per lead bank); the energy model multiplies by the banks they drive, except
/// the <see cref="SingleBankActivations"/> (part of <see cref="Activations"/>): normal-mode ACTs of KV-cache writes and
/// plain streaming reads, which open one bank's row.
/// </summary>
internal readonly record struct KernelTiming(
    long Cycles, long VmmCycles, long AttentionCycles, long DataMovementCycles,
    long Activations, long MacCommands, long RowColumns, long BusBursts, long SingleBankActivations = 0)
{
    /// <summary>The same schedule with every ACT a normal-mode, single-bank one.</summary>
    public KernelTiming SingleBank() => this with { SingleBankActivations = Activations };

    /// <summary>Column accesses to an already open row, as a fraction of all row column accesses.</summary>
    public double RowHitRate => RowColumns == 0 ? 0 : Math.Max(0, RowColumns - Activations) / (double)RowColumns;

    public long RowHits => Math.Max(0, RowColumns - Activations);

    public static KernelTiming operator +(KernelTiming a, KernelTiming b) => new(
        a.Cycles + b.Cycles, a.VmmCycles + b.VmmCycles, a.AttentionCycles + b.AttentionCycles,
        a.DataMovementCycles + b.DataMovementCycles, a.Activations + b.Activations, a.MacCommands + b.MacCommands,
        a.RowColumns + b.RowColumns, a.BusBursts + b.BusBursts, a.SingleBankActivations + b.SingleBankActivations);

    public KernelTiming Times(long n) => new(Cycles * n, VmmCycles * n, AttentionCycles * n, DataMovementCycles * n,
        Activations * n, MacCommands * n, RowColumns * n, BusBursts * n, SingleBankActivations * n);
}
