using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// SCALE-Sim's double_buffered_scratchpad.service_memory_requests (README §6): demand line i is
/// served at cycle t = i + stalls so far and stalls by the largest of the ifmap and filter read
/// waits and the ofmap write wait; total_cycles is the last line's ofmap service cycle. Driven by
/// events instead of lines: the read buffers name the next line that may slide their window, the
/// write side handles its drains and stalls in between, and only event lines are served one by one.
/// </summary>
internal static class DemandLoop
{
    /// <summary>Runs all demand lines; records the service cycle of each probe line (negative probes never match).</summary>
    public static (long Total, long Stalls) Run(FoldPlan plan, WriteStream writes, WriteBuffer ofmap,
        UserReadBuffer? ifmap, UserReadBuffer? filter, ReadOnlySpan<long> probeLines, Span<long> probeCycles)
    {
        long lines = plan.TotalLines, stalls = 0, line = 0, lastOut = -1;
        var bursts = new OfmapWrites(writes, ofmap);
        while (line < lines)
        {
            long ifmapNext = ifmap?.NextEventLine(line) ?? UserReadBuffer.NoEvent;
            long filterNext = filter?.NextEventLine(line) ?? UserReadBuffer.NoEvent;
            long next = Math.Min(Math.Min(ifmapNext, filterNext), Math.Min(NextProbe(probeLines, line), lines));
            stalls = bursts.Advance(line, next, stalls);
            if (next >= lines) break;

            long t = next + stalls, readStall = 0;
            if (ifmapNext == next && ifmap!.Serve(next) > 0) readStall = Math.Max(readStall, ifmap.LastPrefetchCycle - t - 1);
            if (filterNext == next && filter!.Serve(next) > 0) readStall = Math.Max(readStall, filter.LastPrefetchCycle - t - 1);
            long writeStall = bursts.WriteLine(next, t);
            for (int p = 0; p < probeLines.Length; p++)
                if (probeLines[p] == next) probeCycles[p] = t;
            if (next == lines - 1) lastOut = t + writeStall;
            stalls += Math.Max(readStall, writeStall);
            line = next + 1;
        }

        long total = lastOut >= 0 ? lastOut : lines - 1 + stalls;
        ofmap.Finish(total);
        return (total, stalls);
    }

    private static long NextProbe(ReadOnlySpan<long> probeLines, long from)
    {
        long next = long.MaxValue;
        foreach (long probe in probeLines)
            if (probe >= from && probe < next) next = probe;
        return next;
    }
}
