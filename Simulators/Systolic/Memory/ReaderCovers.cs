using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// The readers of a pixel (<see cref="PixelShifts"/>) in USER fetch-order terms, for one window
/// position: per port, the interval of the varying index (m for ws, k for os and is) whose reader under
/// a shift is held, boxed by where the shift is valid. A skewed stream's reader lies a fixed number of
/// diagonals away (one of two, depending on the port block it falls in), so shifts whose readers
/// cannot reach the window from the searched diagonals are dropped once per search, not per port.
/// </summary>
internal sealed class ReaderCovers
{
    private readonly ReadStream stream;
    private readonly PrefetchOrder order;
    private readonly PixelShifts shifts;
    private readonly SetWindow window;
    private readonly bool mIsPort, block;
    private readonly long fwc;
    private readonly RankCut[] cuts = new RankCut[4];
    private readonly int[] live;
    private int parts, liveCount;
    private (long T, long I, long J) lastHeld;   // the shift through which the last held read was held

    public ReaderCovers(ReadStream stream, PrefetchOrder order, PixelShifts shifts, SetWindow window)
    {
        this.stream = stream;
        this.order = order;
        this.shifts = shifts;
        this.window = window;
        block = stream.Shape == StreamShape.Block;
        mIsPort = stream.Axes != IfmapAxes.FixedIsK;   // os and is: ports are output pixels, k varies
        fwc = (long)shifts.FilterWidth * shifts.Channels;
        live = new int[shifts.All.Length];
    }

    /// <summary>Covers one port can produce at most.</summary>
    public int MaxCovers => 2 * shifts.All.Length;

    /// <summary>Locates the window (one or two rank intervals) and keeps every shift; call before a search.</summary>
    public void Locate()
    {
        long s = window.SetSize, start = window.Start, end = start + window.Active;
        cuts[0] = order.Cut(start * s);
        cuts[1] = order.Cut(Math.Min(end, window.Sets) * s);
        parts = 1;
        if (end > window.Sets)
        {
            cuts[2] = order.Cut(0);
            cuts[3] = order.Cut((end - window.Sets) * s);
            parts = 2;
        }

        liveCount = shifts.All.Length;
        for (int i = 0; i < liveCount; i++) live[i] = i;
    }

    /// <summary>
    /// Skewed: keeps the shifts whose readers of diagonals [from, to] of port block pb (used ports) can be
    /// held. The reader of (a, t) is (a + dA, t + dT); landing q port blocks over, it is
    /// q*(T - P) + dA + dT diagonals away.
    /// </summary>
    public void KeepReachable(long from, long to, int used)
    {
        long ports = stream.Ports, span = stream.StreamExtent - ports;
        int kept = 0;
        for (int i = 0; i < shifts.All.Length; i++)
        {
            var s = shifts.All[i];
            long dA = mIsPort ? s.DeltaM : -s.DeltaK, dT = mIsPort ? -s.DeltaK : s.DeltaM;
            bool reachable = false;
            for (long q = FloorDiv(dA, ports); q <= FloorDiv(used - 1 + dA, ports) && !reachable; q++)
            {
                long away = q * span + dA + dT;
                for (int part = 0; part < parts && !reachable; part++)
                    reachable = from + away <= cuts[2 * part + 1].Diagonal && to + away >= cuts[2 * part].Diagonal;
            }

            if (reachable) live[kept++] = i;
        }

        liveCount = kept;
    }

    /// <summary>
    /// Block: keeps the shifts whose readers of rows [from, to] of col block fc (used ports) can be held.
    /// The reader of (k, m) is row k - DeltaK of the col block m + DeltaM falls in.
    /// </summary>
    public void KeepReachableRows(long from, long to, int colFold, int used)
    {
        long ports = stream.Ports, rows = stream.StreamExtent;
        int kept = 0;
        for (int i = 0; i < shifts.All.Length; i++)
        {
            var s = shifts.All[i];
            bool reachable = false;
            for (long q = FloorDiv(s.DeltaM, ports); q <= FloorDiv(used - 1 + s.DeltaM, ports) && !reachable; q++)
            {
                long block = colFold + q, lowRow = Math.Max(0, from - s.DeltaK), highRow = Math.Min(rows - 1, to - s.DeltaK);
                if (block < 0 || block >= stream.PortBlocks || lowRow > highRow) continue;
                long width = stream.PortsUsed((int)block), first = block * rows * ports + lowRow * width, last = block * rows * ports + highRow * width + width - 1;
                for (int part = 0; part < parts && !reachable; part++)
                    reachable = first < cuts[2 * part + 1].Rank && last >= cuts[2 * part].Rank;
            }

            if (reachable) live[kept++] = i;
        }

        liveCount = kept;
    }

    /// <summary>The held intervals, in the varying index, of every kept shift valid for the port's fixed coordinate.</summary>
    public int Build(long port, Span<UncoveredSearch.Cover> into)
    {
        int n = 0;
        // The port's fixed coordinate: an output pixel (os, is) or a window offset (ws).
        var (fixA, fixB) = Math.DivRem(port, mIsPort ? shifts.OfmapWidth : fwc);
        if (!mIsPort) fixB /= shifts.Channels;
        for (int i = 0; i < liveCount; i++)
        {
            var s = shifts.All[live[i]];
            if (mIsPort ? fixA < s.OyLo || fixA >= s.OyHi || fixB < s.OxLo || fixB >= s.OxHi
                        : fixA < s.FyLo || fixA >= s.FyHi || fixB < s.FxLo || fixB >= s.FxHi) continue;
            for (int part = 0; part < parts; part++)
            {
                long lo = Reach(port, s, cuts[2 * part]), hi = Reach(port, s, cuts[2 * part + 1]);
                if (lo >= hi) continue;
                into[n++] = mIsPort
                    ? new UncoveredSearch.Cover(lo, hi, s.FyLo, s.FyHi, s.FxLo, s.FxHi)
                    : new UncoveredSearch.Cover(lo, hi, s.OyLo, s.OyHi, s.OxLo, s.OxHi);
            }
        }

        return n;
    }

    /// <summary>
    /// Slides SCALE-Sim makes for the read at stream coordinates (a, b): until some set holding its pixel
    /// is in the window (active_buffer_hit), i.e. the fewest any of the pixel's readers needs (0 if held).
    /// </summary>
    public long SlidesToHoldAnyReader(long a, long b)
    {
        var (m, k) = stream.Axes == IfmapAxes.FixedIsM ? (a, b) : (b, a);
        var (oy, ox) = Math.DivRem(m, shifts.OfmapWidth);
        var (fy, fk) = Math.DivRem(k, fwc);
        long fx = fk / shifts.Channels;
        // Neighbouring reads are usually held through the same shift: try the last one that held first.
        var (lt, li, lj) = lastHeld;
        if (Math.Abs(lt) <= shifts.AliasRows && InRange(shifts.RowShifts(oy, fy, lt), li) && InRange(shifts.ColShifts(ox, fx, lt), lj)
            && SlidesToHoldReader(m, k, lt, li, lj) == 0)
            return 0;
        long fewest = long.MaxValue;
        for (long t = -shifts.AliasRows; t <= shifts.AliasRows; t++)
        {
            var (iLo, iHi) = shifts.RowShifts(oy, fy, t);
            var (jLo, jHi) = shifts.ColShifts(ox, fx, t);
            for (long i = iLo; i <= iHi; i++)
            for (long j = jLo; j <= jHi; j++)
            {
                fewest = Math.Min(fewest, SlidesToHoldReader(m, k, t, i, j));
                if (fewest > 0) continue;
                lastHeld = (t, i, j);
                return 0;
            }
        }

        return fewest;
    }

    private long SlidesToHoldReader(long m, long k, long t, long i, long j)
    {
        long m2 = m + i * shifts.OfmapWidth + j, k2 = k - shifts.DeltaK(t, i, j);
        long rank = stream.Axes == IfmapAxes.FixedIsM ? order.RankOf(m2, k2) : order.RankOf(k2, m2);
        return window.SlidesToHold(rank / window.SetSize);
    }

    private static bool InRange((long Lo, long Hi) range, long value) => value >= range.Lo && value <= range.Hi;

    /// <summary>The least varying index whose shifted reader's rank is at or past the cut.</summary>
    private long Reach(long port, PixelShifts.Shift s, RankCut cut)
    {
        if (block) return order.FirstRowAtOrPast(port + s.DeltaM, cut) + s.DeltaK;          // is: row k - dK, port m + dM
        return mIsPort
            ? order.FirstStreamIndexAtOrPast(port + s.DeltaM, cut) + s.DeltaK               // os: port m + dM, stream k - dK
            : order.FirstStreamIndexAtOrPast(port - s.DeltaK, cut) - s.DeltaM;              // ws: port k - dK, stream m + dM
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
