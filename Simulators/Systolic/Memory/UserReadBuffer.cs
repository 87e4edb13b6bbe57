using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// SCALE-Sim's USER-mode read buffer (read_buffer.py, README §6b). The fetch order is cut into
/// sets of ceil(E/100) valid words; the active window holds A sets, taken circularly. An address
/// outside the window slides it by P sets, and each slide is one prefetch of ceil(prefetch/bw)
/// lines of bw words issued right after the previous one on the single DRAM channel, so the k-th
/// prefetch lands at cycle k*(n+1) - 1 whatever the demand time. A demand line waits for the last
/// prefetch it caused. Which lines cause slides depends only on the address order, so the buffer
/// is driven by events: <see cref="NextEventLine"/> finds the next line the window does not hold
/// and only that line is served.
/// </summary>
internal sealed class UserReadBuffer
{
    public const long NoEvent = HeldLineSearch.None;

    /// <summary>Unheld lines tried one by one before searching past a stretch held by other sets.</summary>
    private const int PlainTries = 2;

    private readonly ReadStream stream;
    private readonly PrefetchOrder order;
    private readonly SetWindow window;
    private readonly HeldLineSearch search;
    private readonly long linesPerPrefetch, initialLines, bandwidth, perFold, foldCount;
    private readonly int rowFolds;
    private readonly bool allFit;
    private readonly RepeatMissSearch? repeats;
    private long searchedFrom = -1, nextEvent = -1;
    private int heldByOtherSets;   // consecutive unheld lines served that turned out held by other sets
    private int coveredBefore;   // reads of the next event line before this port are known to hit

    public UserReadBuffer(ReadStream stream, FoldPlan plan, int sramWords, int bandwidth, Im2colAddresses? im2colAddresses)
    {
        this.stream = stream;
        this.bandwidth = bandwidth;
        perFold = plan.CyclesPerFold;
        foldCount = plan.Folds;
        rowFolds = plan.RowFolds;
        order = new PrefetchOrder(stream);
        long active = (sramWords + 1) / 2, prefetch = sramWords - active;
        long setSize = (sramWords + 99) / 100;
        long sets = stream.Elements / setSize + 1;   // the trailing (possibly empty) set counts too
        long activeSets = Math.Min(sets, FoldPlan.CeilDiv(active, setSize));
        window = new SetWindow(setSize, sets, activeSets, Math.Min(sets - activeSets, FoldPlan.CeilDiv(prefetch, setSize)));
        search = new HeldLineSearch(new FoldRanks(stream, order, plan), window, plan);
        allFit = activeSets == sets;
        linesPerPrefetch = FoldPlan.CeilDiv(prefetch, bandwidth);
        initialLines = Math.Min(FoldPlan.CeilDiv(active, bandwidth), FoldPlan.CeilDiv(stream.PrefetchEntries, bandwidth));
        if (im2colAddresses is not null && !allFit) repeats = new RepeatMissSearch(stream, order, new PixelShifts(im2colAddresses.Layer), window, plan);
    }

    public long Prefetches { get; private set; }

    /// <summary>Words read from DRAM, padding included (whole bw-word lines).</summary>
    public long DramReads => (initialLines + Prefetches * linesPerPrefetch) * bandwidth;

    public long DramStartCycle => -initialLines;

    /// <summary>Arrival cycle of the latest prefetch (the initial fill ends at -1).</summary>
    public long LastPrefetchCycle => -1 + Prefetches * (linesPerPrefetch + 1);

    /// <summary>The first global line at or after <paramref name="fromLine"/> that may slide the window, or <see cref="NoEvent"/>.</summary>
    public long NextEventLine(long fromLine)
    {
        if (allFit) return NoEvent;
        if (fromLine >= searchedFrom && fromLine <= nextEvent) return nextEvent;   // the window has not moved since
        searchedFrom = fromLine;
        nextEvent = NextMissLine(fromLine);
        return nextEvent;
    }

    /// <summary>
    /// The next line the window does not hold. With repeated pixels such a line usually misses too, so it
    /// is tried first; once a few in a row turned out fully held by other sets, the search skips to the
    /// next line with a read whose pixel no held set holds.
    /// </summary>
    private long NextMissLine(long fromLine)
    {
        while (true)
        {
            long line = search.NextUnheldLine(fromLine);
            if (repeats is null || line == NoEvent || heldByOtherSets < PlainTries) return line;
            var (miss, resumeFold) = repeats.Next(line / perFold, line % perFold);
            if (miss >= 0)
            {
                coveredBefore = repeats.MissPort;
                return miss;
            }

            if (resumeFold >= foldCount) return NoEvent;
            fromLine = resumeFold * perFold;
        }
    }

    /// <summary>Serves one global demand line; returns how many prefetches it caused.</summary>
    public int Serve(long globalLine)
    {
        int skip = globalLine == nextEvent ? coveredBefore : 0;
        searchedFrom = nextEvent = -1;
        coveredBefore = 0;
        if (allFit) return 0;
        long fold = globalLine / perFold, line = globalLine % perFold;
        int colFold = (int)(fold / rowFolds), rowFold = (int)(fold % rowFolds);
        var (first, count) = stream.ValidPorts(colFold, rowFold, line);
        if (count == 0) return 0;
        long rank0 = order.LineStart(colFold, rowFold, line, first);
        if (window.Holds(rank0, rank0 + count - 1)) return 0;
        long before = Prefetches;
        if (repeats is not null)
        {
            ServeRepeated(colFold, rowFold, line, Math.Max(first, skip), first + count, rank0 - first);
            heldByOtherSets = Prefetches == before ? heldByOtherSets + 1 : 0;
            return (int)(Prefetches - before);
        }

        long setSize = window.SetSize;
        for (long set = rank0 / setSize; set <= (rank0 + count - 1) / setSize; set++)
            Slide(window.SlidesToHold(set));
        return (int)(Prefetches - before);
    }

    /// <summary>
    /// Repeated pixels: a read outside its own set may still be held by another set holding its pixel.
    /// Reads whose own set is held are skipped a held stretch at a time (a line's ranks are consecutive).
    /// </summary>
    private void ServeRepeated(int colFold, int rowFold, long line, int fromPort, int endPort, long rankOfPort0)
    {
        var r = repeats!;
        for (long p = fromPort; p < endPort; p++)
        {
            if (window.HoldsRank(rankOfPort0 + p))
            {
                long unheld = window.FirstRankAbove(rankOfPort0 + p);
                if (unheld == SetWindow.Unbounded) return;
                p = unheld - rankOfPort0 - 1;
                continue;
            }

            var (a, b) = stream.Coordinates(colFold, rowFold, line, (int)p);
            Slide(r.SlidesToHoldAnyReader(a, b));
        }
    }

    /// <summary>SCALE-Sim slides once per missing address check; the count is taken directly.</summary>
    private void Slide(long slides)
    {
        window.Slide(slides);
        Prefetches += slides;
    }
}
