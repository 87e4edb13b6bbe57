using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// USER mode with overlapping windows (README §6b): a read hits if any set holding its pixel is in the
/// window, so a line outside the window slides it only if some read's pixel has no reader (im2col
/// element, see <see cref="PixelShifts"/>) held. For one port the varying index (m for ws, k for os and
/// is) walks the port's reads in demand order, and each shifted reader's rank grows with it, so the
/// reads a shift keeps held form an interval (two if the window wraps) boxed by the shift's validity.
/// The first read no interval covers is the next miss (<see cref="UncoveredSearch"/>); the window does
/// not move until then, so nothing before it is visited.
/// </summary>
internal sealed class RepeatMissSearch
{
    private readonly ReadStream stream;
    private readonly PixelShifts shifts;
    private readonly ReaderCovers readers;
    private readonly FoldPlan plan;
    private readonly bool block;
    private readonly long cols, inner, extent;
    private readonly UncoveredSearch.Cover[] covers, reversed;

    public RepeatMissSearch(ReadStream stream, PrefetchOrder order, PixelShifts shifts, SetWindow window, FoldPlan plan)
    {
        this.stream = stream;
        this.shifts = shifts;
        this.plan = plan;
        readers = new ReaderCovers(stream, order, shifts, window);
        block = stream.Shape == StreamShape.Block;
        bool mIsPort = stream.Axes != IfmapAxes.FixedIsK;   // os and is: ports are output pixels, k varies
        cols = mIsPort ? shifts.FilterWidth : shifts.OfmapWidth;
        inner = mIsPort ? shifts.Channels : 1;
        extent = mIsPort ? plan.K : plan.M;
        covers = new UncoveredSearch.Cover[readers.MaxCovers];
        reversed = new UncoveredSearch.Cover[covers.Length];
    }

    /// <summary>See <see cref="ReaderCovers.SlidesToHoldAnyReader"/>.</summary>
    public long SlidesToHoldAnyReader(long a, long b) => readers.SlidesToHoldAnyReader(a, b);

    /// <summary>Port (index within the line's block) of the first missing read on the line the last search found.</summary>
    public int MissPort { get; private set; }

    /// <summary>
    /// The first global line at or after (fold, line) with a read whose pixel the window does not hold
    /// (its first such read is at <see cref="MissPort"/>); otherwise -1 and the fold to resume the search from.
    /// </summary>
    public (long Line, long ResumeFold) Next(long fold, long line)
    {
        readers.Locate();
        int fc = (int)(fold / plan.RowFolds), fr = (int)(fold % plan.RowFolds);
        if (!block)
        {
            long miss = SkewedFold(fc, fr, line);
            return miss >= 0 ? (fold * plan.CyclesPerFold + miss, -1) : (-1, fold + 1);
        }

        long here = BlockFold(fc, fr, line);
        if (here >= 0) return (fold * plan.CyclesPerFold + here, -1);
        // Later row folds of this col fold read the next rows k: the first uncovered k names the fold.
        long firstK = extent;
        readers.KeepReachableRows((fr + 1L) * stream.ArrayRows, extent - 1, fc, stream.PortsUsed(fc));
        for (int p = 0; p < stream.PortsUsed(fc); p++)
        {
            int n = readers.Build((long)fc * stream.Ports + p, covers);
            firstK = UncoveredSearch.First(covers.AsSpan(0, n), cols, inner, (fr + 1L) * stream.ArrayRows, firstK);
        }

        long colFoldEnd = (fc + 1L) * plan.RowFolds;
        if (firstK >= extent) return (-1, colFoldEnd);
        long target = (long)fc * plan.RowFolds + firstK / stream.ArrayRows;
        return (target * plan.CyclesPerFold + BlockFold(fc, (int)(firstK / stream.ArrayRows), 0), -1);
    }

    /// <summary>Skewed: ports of the fold's block; the read t of port p is on fold line Base + t + p.</summary>
    private long SkewedFold(int fc, int fr, long line)
    {
        int pb = stream.PortBlockOf(fc, fr), used = stream.PortsUsed(pb);
        long x0 = line - stream.Base, best = long.MaxValue, firstDiagonal = (long)pb * stream.StreamExtent;
        readers.KeepReachable(firstDiagonal + Math.Max(0, x0), firstDiagonal + stream.StreamExtent + used - 2, used);
        for (int p = 0; p < used; p++)
        {
            long t0 = Math.Max(0, x0 - p), limit = best == long.MaxValue ? extent : Math.Min(extent, best - p);
            if (t0 >= limit) continue;
            int n = readers.Build((long)pb * stream.Ports + p, covers);
            long t = UncoveredSearch.First(covers.AsSpan(0, n), cols, inner, t0, limit);
            if (t >= limit) continue;
            best = t + p;
            MissPort = p;
        }

        return best == long.MaxValue ? -1 : stream.Base + best;
    }

    /// <summary>Block: line l holds row k = fr*R + R-1-l, so the first line with a miss is the highest uncovered k.</summary>
    private long BlockFold(int fc, int fr, long line)
    {
        int rowsUsed = stream.BlockRowsUsed(fr);
        long r = stream.ArrayRows, kBase = fr * r, kTop = kBase + r - 1 - Math.Max(line, r - rowsUsed);
        if (kTop < kBase) return -1;
        long highest = -1;
        readers.KeepReachableRows(kBase, kTop, fc, stream.PortsUsed(fc));
        for (int p = 0; p < stream.PortsUsed(fc); p++)
        {
            int n = readers.Build((long)fc * stream.Ports + p, covers);
            for (int i = 0; i < n; i++)
            {
                var c = covers[i];
                reversed[i] = new UncoveredSearch.Cover(extent - c.Hi, extent - c.Lo,
                    shifts.FilterHeight - c.R1, shifts.FilterHeight - c.R0, (int)cols - c.C1, (int)cols - c.C0);
            }

            long limit = extent - Math.Max(kBase, highest + 1);
            long x = UncoveredSearch.First(reversed.AsSpan(0, n), cols, inner, extent - 1 - kTop, limit);
            if (x >= limit) continue;
            highest = extent - 1 - x;
            MissPort = p;
        }

        return highest < 0 ? -1 : kBase + r - 1 - highest;
    }
}
