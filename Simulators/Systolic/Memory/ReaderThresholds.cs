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
    private readonly ShiftCells cells;
    private readonly bool mIsPort;
    private readonly long fwc, minBlockShift;
    private readonly long[] deltaA, deltaT;   // change of the fixed and streamed index from a read to its reader
    private readonly bool[] earlierOnSameBlock;   // a reader in the same port block comes earlier in the fold
    private readonly long[] shiftTau, tau;   // per shift of the current port; per port and cell
    private readonly long[] cutTarget, cutLine, cutLineStart;   // the epoch start in each reader fold, per Compute
    private readonly int[] cutGeneration;
    private int generation;

    public ReaderThresholds(PixelShifts shifts, ReadStream stream, SkewedPositions positions)
    {
        this.shifts = shifts;
        this.positions = positions;
        mIsPort = stream.Axes == IfmapAxes.FixedIsM;   // os: ports are output pixels, k varies; ws the reverse
        cells = new ShiftCells(shifts, kVaries: mIsPort);
        fwc = (long)shifts.FilterWidth * shifts.Channels;
        var all = shifts.All;
        shiftTau = new long[all.Length];
        tau = new long[positions.Ports * cells.Count];
        deltaA = all.Select(s => mIsPort ? s.DeltaM : -s.DeltaK).ToArray();
        deltaT = all.Select(s => mIsPort ? -s.DeltaK : s.DeltaM).ToArray();
        earlierOnSameBlock = deltaA.Zip(deltaT, (dA, dT) => dT + dA < 0 || (dT + dA == 0 && dA < 0)).ToArray();
        long ports = positions.Ports;
        minBlockShift = deltaA.Length == 0 ? 0 : deltaA.Min(d => FloorDiv(d, ports));
        long maxBlockShift = deltaA.Length == 0 ? 0 : deltaA.Max(d => FloorDiv(ports - 1 + d, ports));
        int slots = (int)(2 * (maxBlockShift - minBlockShift + 1));
        (cutTarget, cutLine, cutLineStart, cutGeneration) = (new long[slots], new long[slots], new long[slots], new int[slots]);
    }

    /// <summary>Runs of consecutive indices making up the cells (few when the varying index is a window offset k).</summary>
    public int RunCount => cells.RunLo.Length;

    public int CellCount => cells.Count;

    /// <summary>
    /// Adds port p's misses among reads t in [from, to) to a per-line difference array: +1 where a run of
    /// misses starts, -1 past its end, at line t + offset.
    /// </summary>
    public void AddMissRuns(int p, long from, long to, long offset, Span<int> difference)
    {
        for (int c = 0; c < cells.Count; c++)
        {
            long hi = Math.Min(to, tau[p * cells.Count + c]);
            if (hi <= from) continue;
            for (int r = cells.RunStart[c]; r < cells.RunStart[c + 1]; r++)
            {
                long lo = Math.Max(cells.RunLo[r], from), end = Math.Min(cells.RunHi[r], hi);
                if (lo >= end) continue;
                difference[(int)(lo + offset)]++;
                difference[(int)(end + offset)]--;
            }
        }
    }

    /// <summary>Misses of port p among the reads t in [from, to).</summary>
    public long Misses(int p, long from, long to)
    {
        long count = 0;
        for (int c = 0; c < cells.Count; c++)
        {
            long hi = Math.Min(to, tau[p * cells.Count + c]);
            if (hi > from) count += cells.Below(c, hi) - cells.Below(c, from);
        }

        return count;
    }

    public bool IsMiss(int p, long t) => t < tau[p * cells.Count + cells.CellOf(t)];

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

            for (int c = 0; c < cells.Count; c++) tau[p * cells.Count + c] = CellThreshold(c, always, between);
        }
    }

    /// <summary>The least threshold of the shifts valid on cell c; with at most 64 shifts, by masks.</summary>
    private long CellThreshold(int c, ulong always, ulong between)
    {
        long least = Never;
        if (shifts.All.Length > 64)
        {
            for (int i = cells.ShiftStart[c]; i < cells.ShiftStart[c + 1]; i++) least = Math.Min(least, shiftTau[cells.Shifts[i]]);
            return least;
        }

        if ((cells.Mask[c] & always) != 0) return Always;
        for (ulong m = cells.Mask[c] & between; m != 0; m &= m - 1)
            least = Math.Min(least, shiftTau[System.Numerics.BitOperations.TrailingZeroCount(m)]);
        return least;
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

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
