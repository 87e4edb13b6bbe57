using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Workloads.Dnn;

/// <summary>
/// One DNN layer in SCALE-Sim's convolution form (no padding, batch 1). A GEMM of
/// (M x K) * (K x N) is the convolution of an M x K ifmap with N filters of 1 x K, one channel,
/// stride 1 — exactly how SCALE-Sim v2 lowers its GEMM topologies.
/// </summary>
public sealed record Layer
{
    public Layer(string name, int ifmapHeight, int ifmapWidth, int filterHeight, int filterWidth,
        int channels, int numFilters, int strideHeight, int strideWidth)
    {
        Name = name;
        IfmapHeight = Positive(nameof(IfmapHeight), ifmapHeight);
        IfmapWidth = Positive(nameof(IfmapWidth), ifmapWidth);
        FilterHeight = Positive(nameof(FilterHeight), filterHeight);
        FilterWidth = Positive(nameof(FilterWidth), filterWidth);
        Channels = Positive(nameof(Channels), channels);
        NumFilters = Positive(nameof(NumFilters), numFilters);
        StrideHeight = Positive(nameof(StrideHeight), strideHeight);
        StrideWidth = Positive(nameof(StrideWidth), strideWidth);
        if (filterHeight > ifmapHeight)
            throw new InvalidConfigException($"{name}.FilterHeight", filterHeight, $"at most IfmapHeight ({ifmapHeight}); convolution has no padding");
        if (filterWidth > ifmapWidth)
            throw new InvalidConfigException($"{name}.FilterWidth", filterWidth, $"at most IfmapWidth ({ifmapWidth}); convolution has no padding");
    }

    /// <summary>A GEMM (M x K) * (K x N) in SCALE-Sim's lowering.</summary>
    public static Layer Gemm(string name, int m, int n, int k) => new(name, m, k, 1, k, 1, n, 1, 1);

    public string Name { get; }
    public int IfmapHeight { get; }
    public int IfmapWidth { get; }
    public int FilterHeight { get; }
    public int FilterWidth { get; }
    public int Channels { get; }
    public int NumFilters { get; }
    public int StrideHeight { get; }
    public int StrideWidth { get; }

    /// <summary>
    /// Output rows as SCALE-Sim v2 computes them: ceil((H - FH + S) / S). When S does not divide
    /// H - FH this is one more than floor((H - FH) / S) + 1; the extra row's windows overhang the
    /// ifmap and SCALE-Sim simply skips the missing pixels (no padding reads).
    /// </summary>
    public int OfmapHeight => (IfmapHeight - FilterHeight + 2 * StrideHeight - 1) / StrideHeight;

    /// <summary>Output columns: ceil((W - FW + S) / S), as for <see cref="OfmapHeight"/>.</summary>
    public int OfmapWidth => (IfmapWidth - FilterWidth + 2 * StrideWidth - 1) / StrideWidth;

    /// <summary>GEMM M: output pixels per filter.</summary>
    public long M => (long)OfmapHeight * OfmapWidth;

    /// <summary>GEMM N: number of filters.</summary>
    public long N => NumFilters;

    /// <summary>GEMM K: the convolution window, FH * FW * C.</summary>
    public long K => (long)FilterHeight * FilterWidth * Channels;

    /// <summary>Multiply-accumulates of the layer.</summary>
    public long Macs => M * N * K;

    private int Positive(string field, int value) =>
        value > 0 ? value : throw new InvalidConfigException($"{Name}.{field}", value, "a whole number >= 1");
}
