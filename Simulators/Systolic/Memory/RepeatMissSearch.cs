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
    private readonly PrefetchOrder order;
    private readonly PixelShifts shifts;
    private readonly SetWindow window;
    private readonly FoldPlan plan;
    private readonly bool mIsPort, block;
    private readonly long cols, inner, extent, fwc;
    private readonly UncoveredSearch.Cover[] covers, reversed;
    private readonly RankCut[] cuts = new RankCut[4];
    private int parts;

    public RepeatMissSearch(ReadStream stream, PrefetchOrder order, PixelShifts shifts, SetWindow window, FoldPlan plan)
    {
        this.stream = stream;
        this.order = order;
        this.shifts = shifts;
        this.window = window;
        this.plan = plan;
        block = stream.Shape == StreamShape.Block;
        mIsPort = stream.Axes != IfmapAxes.FixedIsK;   // os and is: ports are output pixels, k varies
        cols = mIsPort ? shifts.FilterWidth : shifts.OfmapWidth;
        inner = mIsPort ? shifts.Channels : 1;
        extent = mIsPort ? plan.K : plan.M;
        fwc = (long)shifts.FilterWidth * shifts.Channels;
        covers = new UncoveredSearch.Cover[2 * shifts.All.Length];
        reversed = new UncoveredSearch.Cover[covers.Length];
    }

    /// <summary>
    /// The first global line at or after (fold, line) with a read whose pixel the window does not hold;
    /// otherwise -1 and the fold to resume the search from.
    /// </summary>
    public (long Line, long ResumeFold) Next(long fold, long line)
    {
        CutWindow();
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
        for (int p = 0; p < stream.PortsUsed(fc); p++)
        {
            int n = Covers((long)fc * stream.Ports + p);
            firstK = UncoveredSearch.First(covers.AsSpan(0, n), cols, inner, (fr + 1L) * stream.ArrayRows, firstK);
        }

        long colFoldEnd = (fc + 1L) * plan.RowFolds;
        if (firstK >= extent) return (-1, colFoldEnd);
        long target = (long)fc * plan.RowFolds + firstK / stream.ArrayRows;
        return (target * plan.CyclesPerFold + BlockFold(fc, (int)(firstK / stream.ArrayRows), 0), -1);
    }

    /// <summary>
    /// Slides SCALE-Sim makes for the read at stream coordinates (a, b): until some set holding its pixel
    /// is in the window (active_buffer_hit), i.e. the fewest any of the pixel's readers needs (0 if held).
    /// </summary>
    public long SlidesToHoldAnyReader(long a, long b)
    {
        var (m, k) = stream.Axes == IfmapAxes.FixedIsM ? (a, b) : (b, a);
        long oy = m / shifts.OfmapWidth, ox = m % shifts.OfmapWidth, fy = k / fwc, fx = k % fwc / shifts.Channels;
        long fewest = long.MaxValue, setSize = window.SetSize;
        foreach (var s in shifts.All)
        {
            if (oy < s.OyLo || oy >= s.OyHi || ox < s.OxLo || ox >= s.OxHi || fy < s.FyLo || fy >= s.FyHi || fx < s.FxLo || fx >= s.FxHi)
                continue;
            long m2 = m + s.DeltaM, k2 = k - s.DeltaK;
            long rank = stream.Axes == IfmapAxes.FixedIsM ? order.RankOf(m2, k2) : order.RankOf(k2, m2);
            fewest = Math.Min(fewest, window.SlidesToHold(rank / setSize));
            if (fewest == 0) break;
        }

        return fewest;
    }

    /// <summary>Skewed: ports of the fold's block; the read t of port p is on fold line Base + t + p.</summary>
    private long SkewedFold(int fc, int fr, long line)
    {
        int pb = stream.PortBlockOf(fc, fr), used = stream.PortsUsed(pb);
        long x0 = line - stream.Base, best = long.MaxValue;
        for (int p = 0; p < used; p++)
        {
            long t0 = Math.Max(0, x0 - p), limit = best == long.MaxValue ? extent : Math.Min(extent, best - p);
            if (t0 >= limit) continue;
            int n = Covers((long)pb * stream.Ports + p);
            long t = UncoveredSearch.First(covers.AsSpan(0, n), cols, inner, t0, limit);
            if (t < limit) best = t + p;
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
        for (int p = 0; p < stream.PortsUsed(fc); p++)
        {
            int n = Covers((long)fc * stream.Ports + p);
            for (int i = 0; i < n; i++)
            {
                var c = covers[i];
                reversed[i] = new UncoveredSearch.Cover(extent - c.Hi, extent - c.Lo,
                    shifts.FilterHeight - c.R1, shifts.FilterHeight - c.R0, (int)cols - c.C1, (int)cols - c.C0);
            }

            long limit = extent - Math.Max(kBase, highest + 1);
            long x = UncoveredSearch.First(reversed.AsSpan(0, n), cols, inner, extent - 1 - kTop, limit);
            if (x < limit) highest = extent - 1 - x;
        }

        return highest < 0 ? -1 : kBase + r - 1 - highest;
    }

    /// <summary>The window as one or two rank intervals, located once per search.</summary>
    private void CutWindow()
    {
        long s = window.SetSize, start = window.Start, end = start + window.Active;
        cuts[0] = order.Cut(start * s);
        cuts[1] = order.Cut(Math.Min(end, window.Sets) * s);
        parts = 1;
        if (end <= window.Sets) return;
        cuts[2] = order.Cut(0);
        cuts[3] = order.Cut((end - window.Sets) * s);
        parts = 2;
    }

    /// <summary>The held intervals of every shift valid for the port's fixed coordinate, in the varying index.</summary>
    private int Covers(long port)
    {
        int n = 0;
        // The port's fixed coordinate: an output pixel (os, is) or a window offset (ws).
        long fixA = mIsPort ? port / shifts.OfmapWidth : port / fwc;
        long fixB = mIsPort ? port % shifts.OfmapWidth : port % fwc / shifts.Channels;
        foreach (var s in shifts.All)
        {
            if (mIsPort ? fixA < s.OyLo || fixA >= s.OyHi || fixB < s.OxLo || fixB >= s.OxHi
                        : fixA < s.FyLo || fixA >= s.FyHi || fixB < s.FxLo || fixB >= s.FxHi) continue;
            for (int part = 0; part < parts; part++)
            {
                long lo = Reach(port, s, cuts[2 * part]), hi = Reach(port, s, cuts[2 * part + 1]);
                if (lo >= hi) continue;
                covers[n++] = mIsPort
                    ? new UncoveredSearch.Cover(lo, hi, s.FyLo, s.FyHi, s.FxLo, s.FxHi)
                    : new UncoveredSearch.Cover(lo, hi, s.OyLo, s.OyHi, s.OxLo, s.OxHi);
            }
        }

        return n;
    }

    /// <summary>The least varying index whose shifted reader's rank is at or past the cut.</summary>
    private long Reach(long port, PixelShifts.Shift s, RankCut cut)
    {
        if (block) return order.FirstRowAtOrPast(port + s.DeltaM, cut) + s.DeltaK;          // is: row k - dK, port m + dM
        return mIsPort
            ? order.FirstStreamIndexAtOrPast(port + s.DeltaM, cut) + s.DeltaK               // os: port m + dM, stream k - dK
            : order.FirstStreamIndexAtOrPast(port - s.DeltaK, cut) - s.DeltaM;              // ws: port k - dK, stream m + dM
    }
}
