using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Systolic.Dataflows;

/// <summary>
/// SCALE-Sim's ifmap operand matrix (operand_matrix.calc_ifmap_elem_addr): im2col element (m, k)
/// reads pixel address WindowBase[m] + WindowOffset[k] of the H x W x C ifmap. Overlapping
/// windows make the same pixel appear under many (m, k); only then does the order of reads matter
/// beyond counting, and the memory models fall back to address-level bookkeeping.
/// </summary>
internal sealed class Im2colAddresses
{
    private Im2colAddresses(Layer layer)
    {
        int ow = layer.OfmapWidth, c = layer.Channels;
        WindowBase = new int[checked((int)layer.M)];
        for (int m = 0; m < WindowBase.Length; m++)
        {
            int row = m / ow * layer.StrideHeight, col = m % ow * layer.StrideWidth;
            WindowBase[m] = (row * layer.IfmapWidth + col) * c;
        }

        WindowOffset = new int[checked((int)layer.K)];
        for (int k = 0; k < WindowOffset.Length; k++)
        {
            int kh = k / (layer.FilterWidth * c), rest = k % (layer.FilterWidth * c);
            WindowOffset[k] = kh * layer.IfmapWidth * c + rest;
        }

        AddressSpace = checked(layer.IfmapHeight * layer.IfmapWidth * c);
        Distinct = DistinctPixels(layer);
    }

    public int[] WindowBase { get; }
    public int[] WindowOffset { get; }
    public int AddressSpace { get; }

    /// <summary>Distinct pixels the windows touch.</summary>
    public long Distinct { get; }

    public int Address(long m, long k) => WindowBase[m] + WindowOffset[k];

    /// <summary>Address of stream coordinates (fixed or row index a, streamed or port index b).</summary>
    public int Address(IfmapAxes axes, long a, long b) => axes switch
    {
        IfmapAxes.FixedIsM => Address(a, b),
        IfmapAxes.FixedIsK or IfmapAxes.RowIsK => Address(b, a),
        _ => throw new InvalidOperationException("stream has no ifmap addresses"),
    };

    /// <summary>Distinct ifmap pixels the windows touch: rows_touched * cols_touched * channels.</summary>
    public static long DistinctPixels(Layer layer) =>
        Touched(layer.OfmapHeight, layer.StrideHeight, layer.FilterHeight)
        * Touched(layer.OfmapWidth, layer.StrideWidth, layer.FilterWidth) * layer.Channels;

    /// <summary>True when some pixel is read by two windows (im2col has repeated addresses).</summary>
    public static bool HasRepeats(Layer layer) => DistinctPixels(layer) < layer.M * layer.K;

    /// <summary>Built only for layers with repeated addresses; null otherwise.</summary>
    public static Im2colAddresses? ForRepeats(Layer layer) => HasRepeats(layer) ? new Im2colAddresses(layer) : null;

    private static long Touched(long outputs, long stride, long filter) =>
        stride <= filter ? (outputs - 1) * stride + filter : outputs * filter;
}
