using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>What a CALC-mode read buffer did over a layer, in demand-line terms.</summary>
/// <param name="Misses">DRAM words read (every miss is fetched once).</param>
/// <param name="FirstRequestLine">Global demand line of the first valid request.</param>
/// <param name="LastJumpLine">Global demand line of the last window jump, or -1 if the window never jumped.</param>
internal readonly record struct CalcReadOutcome(long Misses, long FirstRequestLine, long LastJumpLine);

/// <summary>
/// SCALE-Sim's CALC-mode read buffer (read_buffer_estimate_bw.py). It never stalls; it groups
/// missed addresses into sets of floor(E/100) words, and once 50 sets have closed the 50-set
/// window jumps (tumbling, not sliding). Equivalently: an address hits iff it was missed since the
/// last jump, and the window jumps after every W = 50*floor(E/100) misses.
/// Computed per fold, not per address: folds that read distinct addresses are visits of a block
/// whose in-window part is always a suffix of its demand order, so a visit costs O(1). Repeated
/// pixels (overlapping windows) that overflow W: skewed ifmaps by <see cref="CalcRepeatModel"/>,
/// block ifmaps (read once each) by one walk over their reads.
/// </summary>
internal static class CalcReadModel
{
    public static CalcReadOutcome Run(FoldPlan plan, ReadStream stream, int sramWords, Im2colAddresses? repeats)
    {
        long windowMisses = 50L * (sramWords / 100);
        long firstLine = stream.FirstDemandLine;
        if (repeats is null) return Visits(plan, stream, windowMisses, firstLine);

        long distinct = repeats.Distinct;
        if (distinct < windowMisses) return new CalcReadOutcome(distinct, firstLine, -1);   // everything fits: one miss per pixel, no jump
        return stream.Shape == StreamShape.Skewed
            ? CalcRepeatModel.Run(plan, stream, windowMisses, repeats)
            : Walk(plan, stream, windowMisses, firstLine, repeats);
    }

    private static CalcReadOutcome Visits(FoldPlan plan, ReadStream stream, long w, long firstLine)
    {
        bool reused = stream.Shape == StreamShape.Skewed;
        var suffix = new long[reused ? stream.PortBlocks : 0];
        var suffixWindow = new long[suffix.Length];
        Array.Fill(suffixWindow, -1);
        long window = 0, inWindow = 0, misses = 0, lastJumpLine = -1, fold = 0;
        for (int fc = 0; fc < plan.ColFolds; fc++)
        for (int fr = 0; fr < plan.RowFolds; fr++, fold++)
        {
            long size = stream.VisitSize(fc, fr);
            int block = reused ? (int)stream.VisitId(fc, fr) : -1;
            long held = reused && suffixWindow[block] == window ? suffix[block] : 0;
            long fresh = size - held;
            long keep;
            if (inWindow + fresh < w)
            {
                inWindow += fresh;
                misses += fresh;
                keep = size;
            }
            else
            {
                // Jump inside the missing prefix; afterwards nothing of this block is in the window.
                long firstJump = w - inWindow - 1;
                long after = size - firstJump - 1;
                long lastJump = firstJump + after / w * w;
                window += 1 + after / w;
                inWindow = after % w;
                misses += size;
                keep = size - 1 - lastJump;
                lastJumpLine = fold * plan.CyclesPerFold + stream.LineOfPosition(fc, fr, lastJump);
            }

            if (reused)
            {
                suffix[block] = keep;
                suffixWindow[block] = window;
            }
        }

        return new CalcReadOutcome(misses, firstLine, lastJumpLine);
    }

    /// <summary>
    /// Block (is) ifmap with repeated pixels: every read is demanded once, so the reads are walked once
    /// (an address's stamp is the window it last missed in), a row k of pinned reads per line.
    /// </summary>
    private static CalcReadOutcome Walk(FoldPlan plan, ReadStream stream, long w, long firstLine, Im2colAddresses addresses)
    {
        var stamp = new int[addresses.AddressSpace];
        Array.Fill(stamp, -1);
        var windowBase = addresses.WindowBase;
        int window = 0, rows = stream.ArrayRows;
        long inWindow = 0, misses = 0, lastJumpLine = -1, lineBase = 0;
        for (int fc = 0; fc < plan.ColFolds; fc++)
        {
            int firstM = fc * stream.Ports, endM = firstM + stream.PortsUsed(fc);
            for (int fr = 0; fr < plan.RowFolds; fr++, lineBase += plan.CyclesPerFold)
            for (int line = rows - stream.BlockRowsUsed(fr); line < rows; line++)
            {
                int offset = addresses.WindowOffset[fr * rows + rows - 1 - line];   // row k of line (ReadStream.Coordinates)
                for (int m = firstM; m < endM; m++)
                {
                    int address = windowBase[m] + offset;
                    if (stamp[address] == window) continue;
                    stamp[address] = window;
                    misses++;
                    if (++inWindow < w) continue;
                    window++;
                    inWindow = 0;
                    lastJumpLine = lineBase + line;
                }
            }
        }

        return new CalcReadOutcome(misses, firstLine, lastJumpLine);
    }
}
