using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// How far back the readers of a skewed fold's reads (<see cref="PixelShifts"/>) can lie in demand
/// order: the reader of a read in port block pb lands q blocks over, in this col fold if it comes
/// earlier in the pass, else in the previous one. Bounds per port block (the first col fold has no
/// previous one), so a fold whose readers cannot be in the current epoch is settled without counting.
/// </summary>
internal sealed class ReaderReach(PixelShifts shifts, ReadStream stream, SkewedPositions positions)
{
    public const long None = long.MinValue;

    private readonly long[] lastReader = Filled(2 * stream.PortBlocks, long.MaxValue);
    private readonly long[] nearestReader = Filled(2 * stream.PortBlocks, long.MinValue);
    private readonly long[]?[] readerFolds = new long[]?[2 * stream.PortBlocks];
    private readonly bool mIsPort = stream.Axes == IfmapAxes.FixedIsM;

    /// <summary>
    /// The latest position, from the col fold's start, at which a reader of a read of fold (fc, pb) can
    /// have been demanded before it (this col fold or the previous one), or None. Independent of fc past the first.
    /// </summary>
    public long Latest(int fc, int pb)
    {
        int slot = (fc == 0 ? 0 : stream.PortBlocks) + pb;
        if (lastReader[slot] != long.MaxValue) return lastReader[slot];
        // The reader folds are disjoint and sorted, so the last one to start is the last to end.
        var starts = readerFolds[slot] ??= ReaderFoldStarts(fc, pb);
        return lastReader[slot] = starts.Length == 0 ? None : starts[^1] + positions.FoldSize(BlockAt(starts[^1])) - 1;
    }

    /// <summary>
    /// Where an epoch start falls among the folds holding readers of fold (fc, pb)'s reads (positions from
    /// the col fold's start): how many of them lie wholly before it, or -1 if it falls inside one. Readers
    /// in folds wholly before are out of the epoch and the rest in, so equal answers mean equal misses.
    /// </summary>
    public int FoldsBefore(int fc, int pb, long epochStart)
    {
        int slot = (fc == 0 ? 0 : stream.PortBlocks) + pb;
        var starts = readerFolds[slot] ??= ReaderFoldStarts(fc, pb);
        int lo = 0, hi = starts.Length;   // folds are disjoint and sorted: count those starting before epochStart
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (starts[mid] < epochStart) lo = mid + 1;
            else hi = mid;
        }

        if (lo == 0) return 0;
        long block = BlockAt(starts[lo - 1]);
        return starts[lo - 1] + positions.FoldSize(block) <= epochStart ? lo : -1;
    }

    private long[] ReaderFoldStarts(int fc, int pb)
    {
        var starts = new HashSet<long>();
        long ports = positions.Ports, used = positions.Used(pb);
        foreach (var s in shifts.All)
        {
            var (dA, dT) = Deltas(s);
            for (long q = FloorDiv(dA, ports); q <= FloorDiv(used - 1 + dA, ports); q++)
            {
                long block = pb + q;
                if (block < 0 || block >= positions.PortBlocks) continue;
                bool thisPass = q < 0 || (q == 0 && (dT + dA < 0 || (dT + dA == 0 && dA < 0)));
                if (!thisPass && fc == 0) continue;
                starts.Add((thisPass ? 0 : -stream.Elements) + positions.FoldStart(0, block));
            }
        }

        return starts.Order().ToArray();
    }

    /// <summary>Port block of a fold starting at the given position from a col fold's start (this or the previous col fold).</summary>
    private long BlockAt(long start) => (start < 0 ? start + stream.Elements : start) / (positions.T * positions.Ports);

    /// <summary>
    /// A lower bound on how many reads back a reader of a read of fold (fc, pb) was demanded. The reader of
    /// a read on line x sits on line x + c of its fold (c fixed per shift and landing block), so the gap is
    /// the folds' start distance less at most the reads of lines x..x+c, plus any size difference of the folds.
    /// </summary>
    public long NearestGap(int fc, int pb)
    {
        int slot = (fc == 0 ? 0 : stream.PortBlocks) + pb;
        if (nearestReader[slot] != long.MinValue) return nearestReader[slot];
        long nearest = long.MaxValue, ports = positions.Ports, used = positions.Used(pb), line = Math.Min(positions.T, ports);
        foreach (var s in shifts.All)
        {
            var (dA, dT) = Deltas(s);
            for (long q = FloorDiv(dA, ports); q <= FloorDiv(used - 1 + dA, ports); q++)
            {
                long block = pb + q;
                if (block < 0 || block >= positions.PortBlocks) continue;
                bool thisPass = q < 0 || (q == 0 && (dT + dA < 0 || (dT + dA == 0 && dA < 0)));
                if (!thisPass && fc == 0) continue;
                long startGap = positions.FoldStart(0, pb) - positions.FoldStart(0, block) + (thisPass ? 0 : stream.Elements);
                long c = dT + dA - q * ports;
                long gap = startGap + 1 - Math.Max(0, c + 1) * line - positions.T * Math.Abs(used - positions.Used(block));
                nearest = Math.Min(nearest, gap);
            }
        }

        return nearestReader[slot] = nearest;
    }

    /// <summary>Change of the fixed index a and of the streamed index t from a read to its reader.</summary>
    private (long DA, long DT) Deltas(PixelShifts.Shift s) => mIsPort ? (s.DeltaM, -s.DeltaK) : (-s.DeltaK, s.DeltaM);

    private static long[] Filled(int length, long value)
    {
        var array = new long[length];
        Array.Fill(array, value);
        return array;
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
