using ArchGym.Simulators.Systolic.Dataflows;
using ArchGym.Simulators.Systolic.Memory;

namespace ArchGym.Simulators.Tests.Systolic.PerLine;

/// <summary>
/// Test oracle: the original per-line model, kept verbatim to check the event-driven library path.
/// SCALE-Sim's USER-mode read buffer (read_buffer.py, README §6b). The fetch order is cut into
/// sets of ceil(E/100) valid words; the active window holds A sets, taken circularly. An address
/// outside the window slides it by P sets, and each slide is one prefetch of ceil(prefetch/bw)
/// lines of bw words issued right after the previous one on the single DRAM channel, so the k-th
/// prefetch lands at cycle k*(n+1) - 1 whatever the demand time. A demand line waits for the last
/// prefetch it caused. Which lines cause slides depends only on the address order, so the window
/// is advanced per run of same-set addresses, not per address.
/// </summary>
internal sealed class PerLineUserReadBuffer
{
    private readonly ReadStream stream;
    private readonly PerLinePrefetchOrder order;
    private readonly long setSize, sets, activeSets, slideSets;
    private readonly long linesPerPrefetch, initialLines, bandwidth;
    private readonly bool allFit;
    private readonly PerLineRepeatedAddressSets? repeats;
    private long windowStart;

    public PerLineUserReadBuffer(ReadStream stream, int sramWords, int bandwidth, Im2colAddresses? im2colAddresses, long matrixK)
    {
        this.stream = stream;
        this.bandwidth = bandwidth;
        order = new PerLinePrefetchOrder(stream);
        long active = (sramWords + 1) / 2, prefetch = sramWords - active;
        setSize = (sramWords + 99) / 100;
        if (im2colAddresses is not null) repeats = new PerLineRepeatedAddressSets(order, stream, im2colAddresses, matrixK);
        long valid = repeats?.ValidEntries ?? stream.Elements;
        sets = valid / setSize + 1;   // the trailing (possibly empty) set counts too
        activeSets = Math.Min(sets, FoldPlan.CeilDiv(active, setSize));
        slideSets = Math.Min(sets - activeSets, FoldPlan.CeilDiv(prefetch, setSize));
        allFit = activeSets == sets;
        linesPerPrefetch = FoldPlan.CeilDiv(prefetch, bandwidth);
        initialLines = Math.Min(FoldPlan.CeilDiv(active, bandwidth), FoldPlan.CeilDiv(stream.PrefetchEntries, bandwidth));
        if (repeats is not null && !allFit) repeats.AssignSets(order, setSize);
    }

    public long Prefetches { get; private set; }

    /// <summary>Words read from DRAM, padding included (whole bw-word lines).</summary>
    public long DramReads => (initialLines + Prefetches * linesPerPrefetch) * bandwidth;

    public long DramStartCycle => -initialLines;

    /// <summary>Arrival cycle of the latest prefetch (the initial fill ends at -1).</summary>
    public long LastPrefetchCycle => -1 + Prefetches * (linesPerPrefetch + 1);

    /// <summary>Serves one demand line; returns how many prefetches it caused.</summary>
    public int ServeLine(int colFold, int rowFold, long line)
    {
        if (allFit) return 0;
        var (first, count) = stream.ValidPorts(colFold, rowFold, line);
        if (count == 0) return 0;
        if (repeats is not null) return ServeAddressed(colFold, rowFold, line, first, count);
        long rank0 = order.LineStart(colFold, rowFold, line, first);
        long firstSet = rank0 / setSize, lastSet = (rank0 + count - 1) / setSize;
        if (Offset(firstSet) + (lastSet - firstSet) < activeSets) return 0;

        long before = Prefetches;
        for (long set = firstSet; set <= lastSet; set++)
            while (Offset(set) >= activeSets) Slide();
        return (int)(Prefetches - before);
    }

    /// <summary>Repeated or skipped pixels: the line's valid entries still have consecutive ranks.</summary>
    private int ServeAddressed(int colFold, int rowFold, long line, int first, int count)
    {
        var r = repeats!;
        int lo = first, hi = first + count - 1;
        while (lo <= hi && RankAt(colFold, rowFold, line, lo) < 0) lo++;
        while (hi >= lo && RankAt(colFold, rowFold, line, hi) < 0) hi--;
        if (lo > hi) return 0;
        long firstSet = RankAt(colFold, rowFold, line, lo) / setSize, lastSet = RankAt(colFold, rowFold, line, hi) / setSize;
        if (Offset(firstSet) + (lastSet - firstSet) < activeSets) return 0;

        long before = Prefetches;
        for (int p = lo; p <= hi; p++)
        {
            var (a, b) = stream.Coordinates(colFold, rowFold, line, p);
            int rank = r.RankOf(a, b);
            if (rank < 0 || Offset(rank / setSize) < activeSets) continue;
            int address = r.Address(a, b);
            while (!r.AnyInWindow(address, windowStart, activeSets, sets)) Slide();
        }

        return (int)(Prefetches - before);
    }

    private int RankAt(int colFold, int rowFold, long line, int port)
    {
        var (a, b) = stream.Coordinates(colFold, rowFold, line, port);
        return repeats!.RankOf(a, b);
    }

    private long Offset(long set) => (set - windowStart + sets) % sets;

    private void Slide()
    {
        windowStart = (windowStart + slideSets) % sets;
        Prefetches++;
    }
}
