using ArchGym.Simulators.Systolic.Dataflows;
using ArchGym.Simulators.Systolic.Memory;

namespace ArchGym.Simulators.Tests.Systolic.PerLine;

/// <summary>What a CALC-mode read buffer did over a layer, in demand-line terms.</summary>
/// <param name="Misses">DRAM words read (every miss is fetched once).</param>
/// <param name="FirstRequestLine">Global demand line of the first valid request.</param>
/// <param name="LastJumpLine">Global demand line of the last window jump, or -1 if the window never jumped.</param>
internal readonly record struct PerLineCalcOutcome(long Misses, long FirstRequestLine, long LastJumpLine);

/// <summary>
/// Test oracle: the original per-line model, kept verbatim to check the event-driven library path.
/// SCALE-Sim's CALC-mode read buffer (read_buffer_estimate_bw.py). It never stalls; it groups
/// missed addresses into sets of floor(E/100) words, and once 50 sets have closed the 50-set
/// window jumps (tumbling, not sliding). Equivalently: an address hits iff it was missed since the
/// last jump, and the window jumps after every W = 50*floor(E/100) misses.
/// Computed per fold, not per address: folds that read distinct addresses are visits of a block
/// whose in-window part is always a suffix of its demand order, so a visit costs O(1);
/// only im2col reads with repeated pixels (overlapping windows) that overflow W walk addresses.
/// </summary>
internal static class PerLineCalcReadModel
{
    public static PerLineCalcOutcome Run(FoldPlan plan, ReadStream stream, int sramWords, Im2colAddresses? repeats)
    {
        long windowMisses = 50L * (sramWords / 100);
        long firstLine = stream.FirstDemandLine;
        if (repeats is null) return Visits(plan, stream, windowMisses, firstLine);

        long distinct = repeats.Distinct;
        return distinct < windowMisses
            ? new PerLineCalcOutcome(distinct, firstLine, -1)   // everything fits: one miss per pixel, no jump
            : Walk(plan, stream, windowMisses, firstLine, repeats);
    }

    private static PerLineCalcOutcome Visits(FoldPlan plan, ReadStream stream, long w, long firstLine)
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
                lastJumpLine = fold * plan.CyclesPerFold + LineOfPosition(stream, fc, fr, lastJump);
            }

            if (reused)
            {
                suffix[block] = keep;
                suffixWindow[block] = window;
            }
        }

        return new PerLineCalcOutcome(misses, firstLine, lastJumpLine);
    }

    private static PerLineCalcOutcome Walk(FoldPlan plan, ReadStream stream, long w, long firstLine, Im2colAddresses addresses)
    {
        var stamp = new int[addresses.AddressSpace];
        Array.Fill(stamp, -1);
        int window = 0;
        long inWindow = 0, misses = 0, lastJumpLine = -1, lineBase = 0;
        for (int fc = 0; fc < plan.ColFolds; fc++)
        for (int fr = 0; fr < plan.RowFolds; fr++, lineBase += plan.CyclesPerFold)
        for (long line = 0; line < plan.CyclesPerFold; line++)
        {
            var (first, count) = stream.ValidPorts(fc, fr, line);
            for (int p = first; p < first + count; p++)
            {
                var (a, b) = stream.Coordinates(fc, fr, line, p);
                int address = addresses.Address(stream.Axes, a, b);
                if (address < 0 || stamp[address] == window) continue;
                stamp[address] = window;
                misses++;
                if (++inWindow < w) continue;
                window++;
                inWindow = 0;
                lastJumpLine = lineBase + line;
            }
        }

        return new PerLineCalcOutcome(misses, firstLine, lastJumpLine);
    }

    /// <summary>The fold line holding the q-th element (0-based) of the fold's demand order, by walking lines.</summary>
    private static long LineOfPosition(ReadStream stream, int colFold, int rowFold, long position)
    {
        long seen = 0;
        for (long line = 0; line < stream.LinesPerFold; line++)
        {
            seen += stream.ValidPorts(colFold, rowFold, line).Count;
            if (seen > position) return line;
        }

        throw new InvalidOperationException("position beyond the fold's demand");
    }
}
