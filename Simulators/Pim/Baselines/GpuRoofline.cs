using ArchGym.Simulators.Workloads.Gpt;

namespace ArchGym.Simulators.Pim.Baselines;

/// <summary>
/// Time of a GPT decoder step on a GPU: per operation, the roofline bound max(bytes / achieved bandwidth,
/// FLOPs / achieved FLOP rate) plus the host overhead of every kernel it launches (Williams et al. 2009 roofline;
/// batch-1 decoding adds launch cost, which dominates small models). Energy is board power x time.
/// </summary>
public sealed class GpuRoofline(GpuSpec gpu)
{
    private readonly double _bytesPerUs = gpu.MemoryBandwidthGBps * gpu.AchievedBandwidthFraction * 1e3;
    private readonly double _flopsPerUs = gpu.PeakTflops * gpu.AchievedComputeFraction * 1e6;

    public GpuSpec Gpu { get; } = gpu;

    /// <summary>Microseconds for one step: <paramref name="layers"/> copies of <paramref name="block"/> plus <paramref name="outside"/>.</summary>
    public double StepUs(ReadOnlySpan<GptOperation> block, int layers, ReadOnlySpan<GptOperation> outside)
    {
        double blockUs = 0, outsideUs = 0;
        foreach (var op in block) blockUs += OperationUs(op);
        foreach (var op in outside) outsideUs += OperationUs(op);
        return blockUs * layers + outsideUs;
    }

    /// <summary>Roofline time of one operation plus its kernels' host overhead, µs.</summary>
    public double OperationUs(in GptOperation op)
    {
        var (bytes, flops, kernels) = Cost(op);
        return Math.Max(bytes / _bytesPerUs, flops / _flopsPerUs) + kernels * Gpu.HostOverheadPerKernelUs;
    }

    /// <summary>Energy for <paramref name="us"/> microseconds at board power, µJ.</summary>
    public double EnergyUj(double us) => us * Gpu.BoardPowerWatts;

    private (double Bytes, double Flops, int Kernels) Cost(in GptOperation op)
    {
        double w = Gpu.BytesPerParameter, a = Gpu.BytesPerActivation;
        var k = Gpu.KernelsPerOp;
        double n = op.Rows, m = op.Cols, g = op.Groups;
        return op.Kind switch
        {
            GptOpKind.Embedding => (3 * n * a, n, k.Embedding),
            GptOpKind.LayerNorm => (2 * n * a, 8 * n, k.LayerNorm),
            GptOpKind.Vmm => (n * m * w + (n + m) * a, 2 * n * m, k.Vmm),
            // HF concatenates the cache every step (read + write it) and then reads it for the product.
            GptOpKind.AttentionScores => (3 * g * n * m * a, 2 * g * n * m, k.AttentionScores),
            GptOpKind.Softmax => (2 * g * n * a, 5 * g * n, k.Softmax),
            GptOpKind.AttentionValues => (3 * g * n * m * a, 2 * g * n * m, k.AttentionValues),
            GptOpKind.Gelu => (2 * k.Gelu * n * a, 15 * n, k.Gelu),
            GptOpKind.ResidualAdd => (3 * n * a, n, k.ResidualAdd),
            GptOpKind.Argmax => (n * a, n, k.Argmax),
            _ => (0, 0, 0),
        };
    }
}
