using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Systolic.Dataflows;

/// <summary>
/// SCALE-Sim's ifmap operand matrix (operand_matrix.calc_ifmap_elem_addr, v2.0.2): im2col element
/// (m, k) reads address WindowBase[m] + WindowOffset[k] of the H x W x C ifmap. The address is pure
/// arithmetic: the window of SCALE-Sim's ceil-sized last output row/column may overhang the ifmap
/// and then reads the next row's (or past the last row's) addresses. Overlapping windows make an
/// address appear under many (m, k); only then does the read order matter beyond counting, and the
/// memory models use address-level bookkeeping for the ifmap.
/// </summary>
internal sealed class Im2colAddresses
{

    private Im2colAddresses(Layer layer, bool overhangs)
    {
        int ow = layer.OfmapWidth, c = layer.Channels;
        int width = layer.IfmapWidth;
        int m = checked((int)layer.M), k = checked((int)layer.K);
        WindowBase = new int[m];
        for (int i = 0; i < m; i++)
            WindowBase[i] = checked((i / ow * layer.StrideHeight * width + i % ow * layer.StrideWidth) * c);

        WindowOffset = new int[k];
        for (int j = 0; j < k; j++)
            WindowOffset[j] = j / (layer.FilterWidth * c) * width * c + j % (layer.FilterWidth * c);

        AddressSpace = checked(WindowBase.Max() + WindowOffset[^1] + 1);
        Distinct = overhangs ? CountDistinct() : Touched(layer.OfmapHeight, layer.StrideHeight, layer.FilterHeight)
            * Touched(layer.OfmapWidth, layer.StrideWidth, layer.FilterWidth) * c;
        Repeats = Distinct < layer.M * layer.K;
    }

    public int[] WindowBase { get; }
    public int[] WindowOffset { get; }
    public int AddressSpace { get; }

    /// <summary>Distinct pixels the windows touch.</summary>
    public long Distinct { get; }

    /// <summary>Some pixel is read by two windows.</summary>
    public bool Repeats { get; }

    /// <summary>The address read for (m, k).</summary>
    public int Address(long m, long k) => WindowBase[m] + WindowOffset[k];

    /// <summary>Address of stream coordinates (fixed or row index a, streamed or port index b).</summary>
    public int Address(IfmapAxes axes, long a, long b) => axes switch
    {
        IfmapAxes.FixedIsM => Address(a, b),
        IfmapAxes.FixedIsK or IfmapAxes.RowIsK => Address(b, a),
        _ => throw new InvalidOperationException("stream has no ifmap addresses"),
    };

    /// <summary>
    /// Address tables for layers whose ifmap reads repeat or overhang; null when every im2col
    /// element is a distinct pixel (then counting is enough, as for GEMMs and filters).
    /// </summary>
    public static Im2colAddresses? ForLayer(Layer layer)
    {
        bool overhangs = (layer.OfmapHeight - 1) * layer.StrideHeight + layer.FilterHeight > layer.IfmapHeight
            || (layer.OfmapWidth - 1) * layer.StrideWidth + layer.FilterWidth > layer.IfmapWidth;
        var tables = new Im2colAddresses(layer, overhangs);
        return tables.Repeats ? tables : null;
    }

    /// <summary>Ifmap rows (or columns) covered by non-overhanging windows.</summary>
    private static long Touched(long outputs, long stride, long filter) =>
        stride <= filter ? (outputs - 1) * stride + filter : outputs * filter;

    private long CountDistinct()
    {
        var seen = new bool[AddressSpace];
        long distinct = 0;
        foreach (int b in WindowBase)
        foreach (int o in WindowOffset)
            if (!seen[b + o]) { seen[b + o] = true; distinct++; }
        return distinct;
    }
}
