using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// SCALE-Sim's memory system for one layer (README §6): the read buffers of the chosen mode, the
/// ofmap write buffer, and the demand loop that serves them (<see cref="DemandLoop"/>). Read
/// buffers' behaviour depends only on address order, so CALC reads are settled per fold up front
/// and USER reads per event line; only the write buffer needs the running cycle.
/// </summary>
internal static class MemorySimulation
{
    /// <summary>CALC mode fetches its first 50 sets at this many words/cycle (single_layer_sim).</summary>
    private const int CalcFillWordsPerCycle = 10;

    public static MemoryOutcome Run(SystolicConfig config, FoldPlan plan, DataflowStreams streams, Im2colAddresses? repeats)
    {
        bool user = config.BandwidthMode == BandwidthMode.User;
        var ofmap = new WriteBuffer(config.OfmapWords, user ? config.BandwidthWordsPerCycle : config.ArrayCols);
        return user ? RunUser(config, plan, streams, repeats, ofmap) : RunCalc(config, plan, streams, repeats, ofmap);
    }

    private static MemoryOutcome RunCalc(SystolicConfig config, FoldPlan plan, DataflowStreams streams, Im2colAddresses? repeats, WriteBuffer ofmap)
    {
        var ifmap = CalcReadModel.Run(plan, streams.Ifmap, config.IfmapWords, repeats);
        var filter = CalcReadModel.Run(plan, streams.Filter, config.FilterWords, null);
        Span<long> probeLines = [ifmap.FirstRequestLine, ifmap.LastJumpLine, filter.FirstRequestLine, filter.LastJumpLine];
        Span<long> probeCycles = stackalloc long[4];
        var (total, stalls) = DemandLoop.Run(plan, streams.Ofmap, ofmap, null, null, probeLines, probeCycles);
        return new MemoryOutcome(total, stalls,
            CalcTraffic(ifmap, config.IfmapWords, probeCycles[0], probeCycles[1]),
            CalcTraffic(filter, config.FilterWords, probeCycles[2], probeCycles[3]),
            new DramTraffic(ofmap.DramWrites, ofmap.DramStartCycle, ofmap.DramStopCycle));
    }

    private static MemoryOutcome RunUser(SystolicConfig config, FoldPlan plan, DataflowStreams streams, Im2colAddresses? repeats, WriteBuffer ofmap)
    {
        int bw = config.BandwidthWordsPerCycle;
        var ifmap = new UserReadBuffer(streams.Ifmap, plan, config.IfmapWords, bw, repeats);
        var filter = new UserReadBuffer(streams.Filter, plan, config.FilterWords, bw, null);
        var (total, stalls) = DemandLoop.Run(plan, streams.Ofmap, ofmap, ifmap, filter, [], []);
        return new MemoryOutcome(total, stalls,
            new DramTraffic(ifmap.DramReads, ifmap.DramStartCycle, ifmap.LastPrefetchCycle),
            new DramTraffic(filter.DramReads, filter.DramStartCycle, filter.LastPrefetchCycle),
            new DramTraffic(ofmap.DramWrites, ofmap.DramStartCycle, ofmap.DramStopCycle));
    }

    /// <summary>
    /// CALC DRAM timing (read_buffer_estimate_bw): the first 50 sets arrive at 10 words/cycle ending
    /// just before the first request; later blocks fill the time between window jumps, so the last
    /// response is one cycle after the last jump. Without a jump the whole operand arrives before cycle 0.
    /// </summary>
    private static DramTraffic CalcTraffic(CalcReadOutcome outcome, int sramWords, long firstRequestCycle, long lastJumpCycle)
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
