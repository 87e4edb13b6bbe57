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
    private Im2colAddresses(Layer layer, long distinct)
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

        Layer = layer;
        AddressSpace = checked(WindowBase[^1] + WindowOffset[^1] + 1);   // both grow with their index
        Distinct = distinct;
    }

    /// <summary>The layer whose im2col this is (its geometry locates every read of a pixel).</summary>
    public Layer Layer { get; }

    public int[] WindowBase { get; }
    public int[] WindowOffset { get; }
    public int AddressSpace { get; }

    /// <summary>Distinct pixels the windows touch.</summary>
    public long Distinct { get; }

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
        long distinct = DistinctAddresses(layer);
        return distinct < layer.M * layer.K ? new Im2colAddresses(layer, distinct) : null;
    }

    /// <summary>Distinct pixels the windows read (SCALE-Sim's CALC footprint of the ifmap).</summary>
    public static long DistinctAddresses(Layer layer)
    {
        bool overhangs = (layer.OfmapHeight - 1) * layer.StrideHeight + layer.FilterHeight > layer.IfmapHeight
            || (layer.OfmapWidth - 1) * layer.StrideWidth + layer.FilterWidth > layer.IfmapWidth;
        return overhangs ? DistinctPixels(layer) : Touched(layer.OfmapHeight, layer.StrideHeight, layer.FilterHeight)
            * Touched(layer.OfmapWidth, layer.StrideWidth, layer.FilterWidth) * layer.Channels;
    }

    /// <summary>Ifmap rows (or columns) covered by non-overhanging windows.</summary>
    private static long Touched(long outputs, long stride, long filter) =>
        stride <= filter ? (outputs - 1) * stride + filter : outputs * filter;

    /// <summary>
    /// Distinct addresses when windows overhang: address = (u*W + v)*C + c over the touched rows u and
    /// columns v (v may pass W and alias into the next row), so mark the touched (u, v) once each
    /// instead of walking all M*K im2col elements.
    /// </summary>
    private static long DistinctPixels(Layer layer)
    {
        var rows = Touches(layer.OfmapHeight, layer.StrideHeight, layer.FilterHeight);
        var cols = Touches(layer.OfmapWidth, layer.StrideWidth, layer.FilterWidth);
        long width = layer.IfmapWidth;
        var seen = new System.Collections.BitArray(checked((int)((rows.Length - 1) * width + cols.Length)));
        long distinct = 0;
        for (int u = 0; u < rows.Length; u++)
        {
            if (!rows[u]) continue;
            for (int v = 0; v < cols.Length; v++)
            {
                int q = (int)(u * width + v);
                if (!cols[v] || seen[q]) continue;
                seen[q] = true;
                distinct++;
            }
        }

        return distinct * layer.Channels;
    }

    /// <summary>Which ifmap rows (or columns, before aliasing) the windows touch: o*stride + f.</summary>
    private static bool[] Touches(int outputs, int stride, int filter)
    {
        var touched = new bool[(outputs - 1) * stride + filter];
        for (int o = 0; o < outputs; o++)
            for (int f = 0; f < filter; f++)
                touched[o * stride + f] = true;
        return touched;
    }
}
