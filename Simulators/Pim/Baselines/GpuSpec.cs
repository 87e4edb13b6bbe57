namespace ArchGym.Simulators.Pim.Baselines;

/// <summary>
/// A GPU and the software stack it runs the baseline with, as data (<c>Pim/Baselines/Gpus/*.json</c>):
/// peak bandwidth and FLOPs with the fractions kernels achieve, operand sizes, board power, and the host
/// overhead every launched kernel pays (batch-1 decoding is launch bound on small models).
/// </summary>
public sealed record GpuSpec(
    string Name,
    IReadOnlyList<string> Aliases,
    string Source,
    double MemoryBandwidthGBps,
    double AchievedBandwidthFraction,
    double PeakTflops,
    double AchievedComputeFraction,
    int BytesPerParameter,
    int BytesPerActivation,
    double BoardPowerWatts,
    double HostOverheadPerKernelUs,
    KernelCounts KernelsPerOp);

/// <summary>Kernels the framework launches for each kind of GPT operation (HuggingFace GPT-2, eager PyTorch).</summary>
public sealed record KernelCounts(
    int Embedding, int LayerNorm, int Vmm, int AttentionScores, int Softmax, int AttentionValues, int Gelu,
    int ResidualAdd, int Argmax);
