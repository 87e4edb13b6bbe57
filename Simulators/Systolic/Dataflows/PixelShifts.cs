using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Systolic.Dataflows;

/// <summary>
/// The im2col elements that read the same pixel (operand_matrix.calc_ifmap_elem_addr): element
/// (m, k) = ((oy, ox), (fy, fx, c)) reads (u*W + v)*C + c with u = oy*Sh + fy, v = ox*Sw + fx, and v may
/// pass W into the next row. Another element (m', k') reads it iff u' = u - t and v' = v + t*W for some
/// alias row offset t, i.e. (oy', ox') = (oy + i, ox + j) and (fy', fx') = (fy - t - i*Sh, fx + t*W - j*Sw).
/// So the readers of a pixel are fixed shifts (m + DeltaM, k - DeltaK), each valid on a box of
/// (oy, ox) and a box of (fy, fx); the identity shift is one of them.
/// </summary>
internal sealed class PixelShifts
{
    /// <summary>A shift and where it is valid: oy in [OyLo, OyHi), ox in [OxLo, OxHi), fy in [FyLo, FyHi), fx in [FxLo, FxHi).</summary>
    internal readonly record struct Shift(long DeltaM, long DeltaK,
        int OyLo, int OyHi, int OxLo, int OxHi, int FyLo, int FyHi, int FxLo, int FxHi);

    public PixelShifts(Layer layer)
    {
        StrideHeight = layer.StrideHeight;
        StrideWidth = layer.StrideWidth;
        IfmapWidth = layer.IfmapWidth;
        OfmapHeight = layer.OfmapHeight;
        OfmapWidth = layer.OfmapWidth;
        FilterHeight = layer.FilterHeight;
        FilterWidth = layer.FilterWidth;
        Channels = layer.Channels;
        int sh = layer.StrideHeight, sw = layer.StrideWidth, w = layer.IfmapWidth;
        int colsTouched = (OfmapWidth - 1) * sw + FilterWidth;
        var shifts = new List<Shift>();
        int tMax = (colsTouched - 1) / w;
        AliasRows = tMax;
        for (int t = -tMax; t <= tMax; t++)
        for (int i = CeilDiv(-(FilterHeight - 1) - t, sh); i <= FloorDiv(FilterHeight - 1 - t, sh); i++)
        for (int j = CeilDiv(t * w - FilterWidth + 1, sw); j <= FloorDiv(t * w + FilterWidth - 1, sw); j++)
        {
            int fyLo = t + i * sh, fxLo = j * sw - t * w;
            var shift = new Shift((long)i * OfmapWidth + j, ((long)fyLo * FilterWidth + fxLo) * Channels,
                Math.Max(0, -i), Math.Min(OfmapHeight, OfmapHeight - i), Math.Max(0, -j), Math.Min(OfmapWidth, OfmapWidth - j),
                Math.Max(0, fyLo), Math.Min(FilterHeight, fyLo + FilterHeight), Math.Max(0, fxLo), Math.Min(FilterWidth, fxLo + FilterWidth));
            if (shift.OyLo < shift.OyHi && shift.OxLo < shift.OxHi && shift.FyLo < shift.FyHi && shift.FxLo < shift.FxHi)
                shifts.Add(shift);
        }

        All = shifts.ToArray();
    }

    public Shift[] All { get; }

    /// <summary>Alias row offsets t run over [-AliasRows, AliasRows] (0 unless windows overhang the ifmap width).</summary>
    public int AliasRows { get; }

    public int StrideHeight { get; }
    public int StrideWidth { get; }
    public int IfmapWidth { get; }
    public int OfmapHeight { get; }
    public int OfmapWidth { get; }
    public int FilterHeight { get; }
    public int FilterWidth { get; }
    public int Channels { get; }

    /// <summary>Shift rows i valid for an element in output row oy and filter row fy at alias offset t.</summary>
    public (long Lo, long Hi) RowShifts(long oy, long fy, long t) =>
        (Math.Max(-oy, CeilDiv(fy - t - FilterHeight + 1, StrideHeight)), Math.Min(OfmapHeight - 1 - oy, FloorDiv(fy - t, StrideHeight)));

    /// <summary>Shift columns j valid for an element in output column ox and filter column fx at alias offset t.</summary>
    public (long Lo, long Hi) ColShifts(long ox, long fx, long t) =>
        (Math.Max(-ox, CeilDiv(fx + t * IfmapWidth - FilterWidth + 1, StrideWidth)), Math.Min(OfmapWidth - 1 - ox, FloorDiv(fx + t * IfmapWidth, StrideWidth)));

    /// <summary>DeltaK of shift (t, i, j); its DeltaM is i*OW + j.</summary>
    public long DeltaK(long t, long i, long j) =>
        ((t + i * StrideHeight) * FilterWidth + j * StrideWidth - t * IfmapWidth) * Channels;

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long CeilDiv(long a, long b) => a <= 0 ? -(-a / b) : (a + b - 1) / b;

    private static int FloorDiv(int a, int b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static int CeilDiv(int a, int b) => a <= 0 ? -(-a / b) : (a + b - 1) / b;
}
