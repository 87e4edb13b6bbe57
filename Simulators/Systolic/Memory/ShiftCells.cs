using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// The varying index of a skewed stream's port (m = oy*OW + ox for ws, k = (fy*FW + fx)*C + c for os)
/// split into cells by the edges of every shift's validity box (<see cref="PixelShifts"/>): within a
/// cell the same shifts are valid. Each cell is a box of rows x columns, kept also as runs of
/// consecutive indices; counts below an index are closed forms.
/// </summary>
internal sealed class ShiftCells
{
    private readonly long rows, cols, inner;
    private readonly int[] rowClass, colClass;
    private readonly long[] r0, r1, c0, c1;
    private readonly int colClasses;

    public ShiftCells(PixelShifts shifts, bool kVaries)
    {
        rows = kVaries ? shifts.FilterHeight : shifts.OfmapHeight;
        cols = kVaries ? shifts.FilterWidth : shifts.OfmapWidth;
        inner = kVaries ? shifts.Channels : 1;
        var all = shifts.All;
        (long R0, long R1, long C0, long C1) Box(PixelShifts.Shift s) =>
            kVaries ? (s.FyLo, s.FyHi, s.FxLo, s.FxHi) : (s.OyLo, s.OyHi, s.OxLo, s.OxHi);
        var rowEdges = Edges(rows, all.SelectMany(s => new long[] { Box(s).R0, Box(s).R1 }));
        var colEdges = Edges(cols, all.SelectMany(s => new long[] { Box(s).C0, Box(s).C1 }));
        rowClass = Classes(rows, rowEdges);
        colClass = Classes(cols, colEdges);
        colClasses = colEdges.Length - 1;
        Count = (rowEdges.Length - 1) * colClasses;
        (r0, r1, c0, c1) = (new long[Count], new long[Count], new long[Count], new long[Count]);
        var valid = new List<int>[Count];
        for (int c = 0; c < Count; c++)
        {
            (r0[c], r1[c]) = (rowEdges[c / colClasses], rowEdges[c / colClasses + 1]);
            (c0[c], c1[c]) = (colEdges[c % colClasses], colEdges[c % colClasses + 1]);
            valid[c] = [];
            for (int si = 0; si < all.Length; si++)
            {
                var b = Box(all[si]);
                if (b.R0 <= r0[c] && r1[c] <= b.R1 && b.C0 <= c0[c] && c1[c] <= b.C1) valid[c].Add(si);
            }
        }

        ShiftStart = new int[Count + 1];
        for (int c = 0; c < Count; c++) ShiftStart[c + 1] = ShiftStart[c] + valid[c].Count;
        Shifts = valid.SelectMany(l => l).ToArray();
        Mask = new ulong[Count];
        for (int c = 0; c < Count; c++)
            for (int i = ShiftStart[c]; i < ShiftStart[c + 1]; i++)
                if (Shifts[i] < 64) Mask[c] |= 1UL << Shifts[i];
        (RunLo, RunHi, RunStart) = Runs();
    }

    public int Count { get; }

    /// <summary>Shifts valid on cell c: Shifts[ShiftStart[c] .. ShiftStart[c + 1]), and as a mask of the first 64.</summary>
    public int[] ShiftStart { get; }
    public int[] Shifts { get; }
    public ulong[] Mask { get; }

    /// <summary>Cell c as runs [RunLo[r], RunHi[r]) for r in [RunStart[c], RunStart[c + 1]).</summary>
    public long[] RunLo { get; }
    public long[] RunHi { get; }
    public int[] RunStart { get; }

    public int CellOf(long x)
    {
        long rowLen = cols * inner;
        return rowClass[x / rowLen] * colClasses + colClass[x % rowLen / inner];
    }

    /// <summary>Indices below x in cell c: whole rows, whole columns of the partial row, then the partial column.</summary>
    public long Below(int c, long x)
    {
        long rowLen = cols * inner;
        x = Math.Clamp(x, 0, rows * rowLen);
        long r = x / rowLen, w = x % rowLen, width = (c1[c] - c0[c]) * inner;
        long count = (Math.Clamp(r, r0[c], r1[c]) - r0[c]) * width;
        if (r < r0[c] || r >= r1[c]) return count;
        long col = w / inner;
        count += (Math.Clamp(col, c0[c], c1[c]) - c0[c]) * inner;
        return col >= c0[c] && col < c1[c] ? count + w % inner : count;
    }

    private (long[] Lo, long[] Hi, int[] Start) Runs()
    {
        var lo = new List<long>();
        var hi = new List<long>();
        var start = new int[Count + 1];
        for (int c = 0; c < Count; c++)
        {
            for (long r = r0[c]; r < r1[c]; r++)
            {
                long a = (r * cols + c0[c]) * inner, b = (r * cols + c1[c]) * inner;
                if (lo.Count > start[c] && hi[^1] == a) hi[^1] = b;   // a full-width row continues the run
                else { lo.Add(a); hi.Add(b); }
            }

            start[c + 1] = lo.Count;
        }

        return (lo.ToArray(), hi.ToArray(), start);
    }

    private static long[] Edges(long extent, IEnumerable<long> boxEdges) =>
        boxEdges.Append(0).Append(extent).Where(e => e >= 0 && e <= extent).Distinct().Order().ToArray();

    private static int[] Classes(long extent, long[] edges)
    {
        var classes = new int[extent];
        for (int i = 0; i + 1 < edges.Length; i++)
            for (long x = edges[i]; x < edges[i + 1]; x++) classes[x] = i;
        return classes;
    }
}
