using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// CALC mode with overlapping windows (read_buffer_estimate_bw.py, README §6a): a read hits iff some
/// reader of its pixel (<see cref="PixelShifts"/>) was demanded since the epoch began. For a port of
/// a skewed fold each reader's demand position grows with the varying index t (m for ws, k for os),
/// so a shift covers the reads t >= its threshold; validity splits t into cells (boxes of output or
/// filter rows and columns) and a read misses iff t is below its cell's least threshold. Counting
/// misses in a range is then a sum over cells, with no walk over the reads.
/// </summary>
internal sealed class ReaderThresholds
{
    private const long Never = long.MaxValue / 4, Always = long.MinValue / 4;

    private readonly PixelShifts shifts;
    private readonly SkewedPositions positions;
    private readonly bool mIsPort;
    private readonly long rows, cols, inner, fwc;
    private readonly int[] rowClass, colClass;
    private readonly long[] cellR0, cellR1, cellC0, cellC1;
    private readonly int[] cellShiftStart, cellShifts;
    private readonly long[] shiftTau, tau;
    private readonly long[] runLo, runHi;   // each cell as maximal runs of consecutive indices
    private readonly ulong[] cellMask;   // shifts valid on each cell (the first 64)
    private readonly long[] deltaA, deltaT;   // change of the fixed and streamed index from a read to its reader
    private readonly bool[] earlierOnSameBlock;   // a reader in the same port block comes earlier in the fold
    private readonly long minBlockShift;
    private readonly long[] cutTarget, cutLine, cutLineStart;
    private readonly int[] cutGeneration;
    private int generation;
    private readonly int[] cellRunStart;
    private readonly int cells, colClasses;

    public ReaderThresholds(PixelShifts shifts, ReadStream stream, SkewedPositions positions)
    {
        this.shifts = shifts;
        this.positions = positions;
        mIsPort = stream.Axes == IfmapAxes.FixedIsM;   // os: ports are output pixels, k varies; ws the reverse
        rows = mIsPort ? shifts.FilterHeight : shifts.OfmapHeight;
        cols = mIsPort ? shifts.FilterWidth : shifts.OfmapWidth;
        inner = mIsPort ? shifts.Channels : 1;
        fwc = (long)shifts.FilterWidth * shifts.Channels;
        var all = shifts.All;
        var rowEdges = Edges(rows, all.SelectMany(s => mIsPort ? new long[] { s.FyLo, s.FyHi } : [s.OyLo, s.OyHi]));
        var colEdges = Edges(cols, all.SelectMany(s => mIsPort ? new long[] { s.FxLo, s.FxHi } : [s.OxLo, s.OxHi]));
        rowClass = Classes(rows, rowEdges);
        colClass = Classes(cols, colEdges);
        colClasses = colEdges.Length - 1;
        cells = (rowEdges.Length - 1) * colClasses;
        (cellR0, cellR1, cellC0, cellC1) = (new long[cells], new long[cells], new long[cells], new long[cells]);
        var lists = new List<int>[cells];
        for (int c = 0; c < cells; c++)
        {
            int ri = c / colClasses, ci = c % colClasses;
            (cellR0[c], cellR1[c], cellC0[c], cellC1[c]) = (rowEdges[ri], rowEdges[ri + 1], colEdges[ci], colEdges[ci + 1]);
            lists[c] = [];
            for (int si = 0; si < all.Length; si++)
            {
                var (r0, r1, c0, c1) = VaryingBox(all[si]);
                if (r0 <= cellR0[c] && cellR1[c] <= r1 && c0 <= cellC0[c] && cellC1[c] <= c1) lists[c].Add(si);
            }
        }

        cellShiftStart = new int[cells + 1];
        for (int c = 0; c < cells; c++) cellShiftStart[c + 1] = cellShiftStart[c] + lists[c].Count;
        cellShifts = lists.SelectMany(l => l).ToArray();
        shiftTau = new long[all.Length];
        tau = new long[positions.Ports * cells];
        (runLo, runHi, cellRunStart) = Runs();
        cellMask = new ulong[cells];
        for (int c = 0; c < cells; c++)
            for (int i = cellShiftStart[c]; i < cellShiftStart[c + 1]; i++)
                if (cellShifts[i] < 64) cellMask[c] |= 1UL << cellShifts[i];
        deltaA = all.Select(s => mIsPort ? s.DeltaM : -s.DeltaK).ToArray();
        deltaT = all.Select(s => mIsPort ? -s.DeltaK : s.DeltaM).ToArray();
        earlierOnSameBlock = deltaA.Zip(deltaT, (dA, dT) => dT + dA < 0 || (dT + dA == 0 && dA < 0)).ToArray();
        long ports = positions.Ports;
        minBlockShift = deltaA.Length == 0 ? 0 : deltaA.Min(d => FloorDiv(d, ports));
        long maxBlockShift = deltaA.Length == 0 ? 0 : deltaA.Max(d => FloorDiv(ports - 1 + d, ports));
        int slots = (int)(2 * (maxBlockShift - minBlockShift + 1));
        (cutTarget, cutLine, cutLineStart, cutGeneration) = (new long[slots], new long[slots], new long[slots], new int[slots]);
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    /// <summary>Runs of consecutive indices making up the cells (few when the varying index is a window offset k).</summary>
    public int RunCount => runLo.Length;

    public int CellCount => cells;

    /// <summary>
    /// Adds port p's misses among reads t in [from, to) to a per-line difference array: +1 where a run of
    /// misses starts, -1 past its end, at line t + offset.
    /// </summary>
    public void AddMissRuns(int p, long from, long to, long offset, Span<int> difference)
    {
        for (int c = 0; c < cells; c++)
        {
            long hi = Math.Min(to, tau[p * cells + c]);
            if (hi <= from) continue;
            for (int r = cellRunStart[c]; r < cellRunStart[c + 1]; r++)
            {
                long lo = Math.Max(runLo[r], from), end = Math.Min(runHi[r], hi);
                if (lo >= end) continue;
                difference[(int)(lo + offset)]++;
                difference[(int)(end + offset)]--;
            }
        }
    }

    /// <summary>Thresholds of every port of fold (colFold, portBlock) for an epoch that began at <paramref name="epochStart"/>.</summary>
    public void Compute(long colFold, long portBlock, long epochStart)
    {
        var all = shifts.All;
        int ports = positions.Ports;
        generation++;
        for (int p = 0; p < positions.Used(portBlock); p++)
        {
            long a = portBlock * ports + p;
            long fixA = mIsPort ? a / shifts.OfmapWidth : a / fwc, fixB = mIsPort ? a % shifts.OfmapWidth : a % fwc / shifts.Channels;
            ulong always = 0, between = 0;
            for (int si = 0; si < all.Length; si++)
            {
                var s = all[si];
                bool valid = mIsPort ? fixA >= s.OyLo && fixA < s.OyHi && fixB >= s.OxLo && fixB < s.OxHi
                                     : fixA >= s.FyLo && fixA < s.FyHi && fixB >= s.FxLo && fixB < s.FxHi;
                long threshold = valid ? Threshold(colFold, portBlock, p, si, epochStart) : Never;
                shiftTau[si] = threshold;
                if (si >= 64) continue;
                if (threshold == Always) always |= 1UL << si;
                else if (threshold != Never) between |= 1UL << si;
            }

            for (int c = 0; c < cells; c++) tau[p * cells + c] = CellThreshold(c, always, between);
        }
    }

    /// <summary>The least threshold of the shifts valid on cell c; with at most 64 shifts, by masks.</summary>
    private long CellThreshold(int c, ulong always, ulong between)
    {
        long least = Never;
        if (shifts.All.Length > 64)
        {
            for (int i = cellShiftStart[c]; i < cellShiftStart[c + 1]; i++) least = Math.Min(least, shiftTau[cellShifts[i]]);
            return least;
        }

        if ((cellMask[c] & always) != 0) return Always;
        for (ulong m = cellMask[c] & between; m != 0; m &= m - 1)
            least = Math.Min(least, shiftTau[System.Numerics.BitOperations.TrailingZeroCount(m)]);
        return least;
    }

    /// <summary>Misses of port p among the reads t in [from, to).</summary>
    public long Misses(int p, long from, long to)
    {
        long count = 0;
        for (int c = 0; c < cells; c++)
        {
            long hi = Math.Min(to, tau[p * cells + c]);
            if (hi > from) count += Below(c, hi) - Below(c, from);
        }

        return count;
    }

    public bool IsMiss(int p, long t)
    {
        long rowLen = cols * inner;
        int c = rowClass[t / rowLen] * colClasses + colClass[t % rowLen / inner];
        return t < tau[p * cells + c];
    }

    /// <summary>
    /// The least t whose reader under the shift was demanded at or after the epoch start: readers in an
    /// earlier port block, or earlier on this block's lines, are read in this col fold; the rest in the previous one.
    /// </summary>
    private long Threshold(long colFold, long portBlock, long p, int shift, long epochStart)
    {
        long dA = deltaA[shift], dT = deltaT[shift];
        long a2 = portBlock * positions.Ports + p + dA, block2 = a2 / positions.Ports, p2 = a2 % positions.Ports;
        bool thisPass = block2 < portBlock || (block2 == portBlock && earlierOnSameBlock[shift]);
        if (!thisPass && colFold == 0) return Never;
        // Where the epoch start falls in the reader's fold: the same for every port and shift landing there.
        int slot = (int)(2 * (block2 - portBlock - minBlockShift) + (thisPass ? 0 : 1));
        if (cutGeneration[slot] != generation)
        {
            cutGeneration[slot] = generation;
            long target = epochStart - positions.FoldStart(thisPass ? colFold : colFold - 1, block2);
            cutTarget[slot] = target;
            if (target > 0 && target < positions.FoldSize(block2))
            {
                long line = LatticeCount.FirstReaching(positions.T, positions.Used(block2), target + 1);
                cutLine[slot] = line;
                cutLineStart[slot] = LatticeCount.Below(positions.T, positions.Used(block2), line - 1) - positions.FirstPort(line);
            }
        }

        long at = cutTarget[slot];
        if (at <= 0) return Always;
        if (at >= positions.FoldSize(block2)) return Never;
        long x2 = cutLineStart[slot] + p2 >= at ? cutLine[slot] : cutLine[slot] + 1;
        return x2 - p2 - dT;
    }

    private (long R0, long R1, long C0, long C1) VaryingBox(PixelShifts.Shift s) =>
        mIsPort ? (s.FyLo, s.FyHi, s.FxLo, s.FxHi) : (s.OyLo, s.OyHi, s.OxLo, s.OxHi);

    /// <summary>Indices below x in cell c: whole rows, whole columns of the partial row, then the partial column.</summary>
    private long Below(int c, long x)
    {
        long rowLen = cols * inner;
        x = Math.Clamp(x, 0, rows * rowLen);
        long r = x / rowLen, w = x % rowLen, width = (cellC1[c] - cellC0[c]) * inner;
        long count = (Math.Clamp(r, cellR0[c], cellR1[c]) - cellR0[c]) * width;
        if (r < cellR0[c] || r >= cellR1[c]) return count;
        long col = w / inner;
        count += (Math.Clamp(col, cellC0[c], cellC1[c]) - cellC0[c]) * inner;
        return col >= cellC0[c] && col < cellC1[c] ? count + w % inner : count;
    }

    private (long[] Lo, long[] Hi, int[] Start) Runs()
    {
        var lo = new List<long>();
        var hi = new List<long>();
        var start = new int[cells + 1];
        for (int c = 0; c < cells; c++)
        {
            for (long r = cellR0[c]; r < cellR1[c]; r++)
            {
                long a = (r * cols + cellC0[c]) * inner, b = (r * cols + cellC1[c]) * inner;
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
