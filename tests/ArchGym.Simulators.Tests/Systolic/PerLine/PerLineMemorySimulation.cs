using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Systolic.Dataflows;
using ArchGym.Simulators.Systolic.Memory;

namespace ArchGym.Simulators.Tests.Systolic.PerLine;

/// <summary>
/// Test oracle: the original per-line model, kept verbatim to check the event-driven library path.
/// SCALE-Sim's double_buffered_scratchpad.service_memory_requests: demand line i is served at
/// cycle t = i + stalls so far; the line's stall is the largest of the ifmap and filter read waits
/// and the ofmap write wait; total_cycles is the last line's ofmap service cycle. Read buffers'
/// behaviour depends only on address order, so CALC reads are settled per fold up front and USER
/// reads per line; only the write buffer needs the running cycle.
/// </summary>
internal static class PerLineMemorySimulation
{
    /// <summary>CALC mode fetches its first 50 sets at this many words/cycle (single_layer_sim).</summary>
    private const int CalcFillWordsPerCycle = 10;

    public static MemoryOutcome Run(SystolicConfig config, FoldPlan plan, DataflowStreams streams, Im2colAddresses? repeats)
    {
        bool user = config.BandwidthMode == BandwidthMode.User;
        var ofmap = new PerLineWriteBuffer(config.OfmapWords, user ? config.BandwidthWordsPerCycle : config.ArrayCols);
        return user ? RunUser(config, plan, streams, repeats, ofmap) : RunCalc(config, plan, streams, repeats, ofmap);
    }

    private static MemoryOutcome RunCalc(SystolicConfig config, FoldPlan plan, DataflowStreams streams, Im2colAddresses? repeats, PerLineWriteBuffer ofmap)
    {
        var ifmap = PerLineCalcReadModel.Run(plan, streams.Ifmap, config.IfmapWords, repeats);
        var filter = PerLineCalcReadModel.Run(plan, streams.Filter, config.FilterWords, null);
        Span<long> probeLines = [ifmap.FirstRequestLine, ifmap.LastJumpLine, filter.FirstRequestLine, filter.LastJumpLine];
        Span<long> probeCycles = stackalloc long[4];
        var (total, stalls) = ServeLines(plan, streams, null, null, ofmap, probeLines, probeCycles);
        return new MemoryOutcome(total, stalls,
            CalcTraffic(ifmap, config.IfmapWords, probeCycles[0], probeCycles[1]),
            CalcTraffic(filter, config.FilterWords, probeCycles[2], probeCycles[3]),
            new DramTraffic(ofmap.DramWrites, ofmap.DramStartCycle, ofmap.DramStopCycle));
    }

    private static MemoryOutcome RunUser(SystolicConfig config, FoldPlan plan, DataflowStreams streams, Im2colAddresses? repeats, PerLineWriteBuffer ofmap)
    {
        int bw = config.BandwidthWordsPerCycle;
        var ifmap = new PerLineUserReadBuffer(streams.Ifmap, config.IfmapWords, bw, repeats, plan.K);
        var filter = new PerLineUserReadBuffer(streams.Filter, config.FilterWords, bw, null, plan.K);
        var (total, stalls) = ServeLines(plan, streams, ifmap, filter, ofmap, [], []);
        return new MemoryOutcome(total, stalls,
            new DramTraffic(ifmap.DramReads, ifmap.DramStartCycle, ifmap.LastPrefetchCycle),
            new DramTraffic(filter.DramReads, filter.DramStartCycle, filter.LastPrefetchCycle),
            new DramTraffic(ofmap.DramWrites, ofmap.DramStartCycle, ofmap.DramStopCycle));
    }

    /// <summary>The line loop; records the service cycle of each probe line.</summary>
    private static (long Total, long Stalls) ServeLines(FoldPlan plan, DataflowStreams streams,
        PerLineUserReadBuffer? ifmap, PerLineUserReadBuffer? filter, PerLineWriteBuffer ofmap,
        ReadOnlySpan<long> probeLines, Span<long> probeCycles)
    {
        var writes = streams.Ofmap;
        long nextProbe = NextProbe(probeLines, -1);
        long stalls = 0, lineBase = 0, lastOut = 0, perFold = plan.CyclesPerFold, writeBase = writes.Base;
        for (int fc = 0; fc < plan.ColFolds; fc++)
        for (int fr = 0; fr < plan.RowFolds; fr++, lineBase += perFold)
        {
            long tLo = writes.TLo(fr), tHi = writes.THi;
            int cols = plan.ColsUsed(fc);
            for (long line = 0; line < perFold; line++)
            {
                long t = lineBase + line + stalls;
                long stall = 0;
                if (ifmap is not null && ifmap.ServeLine(fc, fr, line) > 0) stall = Math.Max(stall, ifmap.LastPrefetchCycle - t - 1);
                if (filter is not null && filter.ServeLine(fc, fr, line) > 0) stall = Math.Max(stall, filter.LastPrefetchCycle - t - 1);
                int count = WriteStream.Count(line - writeBase, tLo, tHi, cols);
                long writeStall = count > 0 ? ofmap.Write(count, t) : 0;
                lastOut = t + writeStall;
                if (lineBase + line == nextProbe)
                {
                    for (int p = 0; p < probeLines.Length; p++)
                        if (probeLines[p] == nextProbe) probeCycles[p] = t;
                    nextProbe = NextProbe(probeLines, nextProbe);
                }

                stalls += Math.Max(stall, writeStall);
            }
        }

        ofmap.Finish(lastOut);
        return (lastOut, stalls);
    }

    private static long NextProbe(ReadOnlySpan<long> probeLines, long after)
    {
        long next = long.MaxValue;
        foreach (long line in probeLines)
            if (line > after && line < next) next = line;
        return next;
    }

    /// <summary>
    /// CALC DRAM timing (read_buffer_estimate_bw): the first 50 sets arrive at 10 words/cycle ending
    /// just before the first request; later blocks fill the time between window jumps, so the last
    /// response is one cycle after the last jump. Without a jump the whole operand arrives before cycle 0.
    /// </summary>
    private static DramTraffic CalcTraffic(PerLineCalcOutcome outcome, int sramWords, long firstRequestCycle, long lastJumpCycle)
    {
        long setSize = sramWords / 100;
        if (outcome.LastJumpLine < 0)
        {
            long sets = FoldPlan.CeilDiv(outcome.Misses, setSize);
            return new DramTraffic(outcome.Misses, -FoldPlan.CeilDiv(sets * setSize, CalcFillWordsPerCycle), -1);
        }

        long firstFill = FoldPlan.CeilDiv(50 * setSize, CalcFillWordsPerCycle);
        return new DramTraffic(outcome.Misses, firstRequestCycle - firstFill, lastJumpCycle + 1);
    }
}
