using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// CALC mode, skewed ifmap with overlapping windows that overflow the 50-set window (README §6a):
/// a read misses iff no reader of its pixel was demanded since the last window jump, and the window
/// jumps after every W misses. Fold by fold: when no reader a fold can have is in the epoch, all its
/// reads miss and the jumps fall every W reads; when no fold holding readers straddles the epoch start,
/// the fold's misses are a cached count; otherwise they are counted per port from the reader thresholds
/// (<see cref="ReaderThresholds"/>) and the W-th miss is located on a per-line histogram (or by
/// bisection). Only the reads of a jump's own line are visited one by one. Recurring col-fold states
/// are skipped in whole cycles (<see cref="Passes"/>).
/// </summary>
internal sealed class CalcRepeatModel
{
    private readonly FoldPlan plan;
    private readonly ReadStream stream;
    private readonly SkewedPositions positions;
    private readonly ReaderThresholds thresholds;
    private readonly ReaderReach reach;
    private readonly long w;
    private readonly int[] histogram;
    private readonly Dictionary<(int Slot, int Before), long> foldMisses = [];
    private long epochStart, inWindow, misses, lastJumpLine = -1;

    private CalcRepeatModel(FoldPlan plan, ReadStream stream, long windowMisses, Im2colAddresses addresses)
    {
        this.plan = plan;
        this.stream = stream;
        w = windowMisses;
        var shifts = new PixelShifts(addresses.Layer);
        positions = new SkewedPositions(stream);
        thresholds = new ReaderThresholds(shifts, stream, positions);
        reach = new ReaderReach(shifts, stream, positions);
        histogram = new int[positions.T + positions.Ports + 1];
    }

    public static CalcReadOutcome Run(FoldPlan plan, ReadStream stream, long windowMisses, Im2colAddresses addresses)
    {
        var model = new CalcRepeatModel(plan, stream, windowMisses, addresses);
        model.Passes();
        return new CalcReadOutcome(model.misses, stream.FirstDemandLine, model.lastJumpLine);
    }

    /// <summary>
    /// Col folds re-read the same ifmap in the same order, and from the second one on the future depends
    /// only on where the epoch began relative to the pass and how many misses it holds. Once that state
    /// recurs, the passes between repeat exactly until the end, so whole cycles are added at once.
    /// </summary>
    private void Passes()
    {
        var seen = new Dictionary<(long, long), (int Pass, long Misses, long LastJump)>();
        long passLines = (long)plan.RowFolds * plan.CyclesPerFold;
        for (int fc = 0; fc < plan.ColFolds; fc++)
        {
            long passStart = positions.FoldStart(fc, 0);
            var state = (epochStart - passStart, inWindow);
            if (fc >= 1 && seen.TryGetValue(state, out var earlier))
            {
                int cycle = fc - earlier.Pass, cycles = (plan.ColFolds - fc) / cycle;
                misses += cycles * (misses - earlier.Misses);
                if (lastJumpLine != earlier.LastJump) lastJumpLine += (long)cycles * cycle * passLines;
                epochStart += (long)cycles * cycle * stream.Elements;
                fc += cycles * cycle;
                seen.Clear();
                if (fc >= plan.ColFolds) break;
            }
            else if (fc >= 1) seen[state] = (fc, misses, lastJumpLine);

            for (int pb = 0; pb < plan.RowFolds; pb++) Fold(fc, pb);
        }
    }

    private void Fold(int fc, int pb)
    {
        long start = positions.FoldStart(fc, pb), size = positions.FoldSize(pb);
        long fold = (long)fc * plan.RowFolds + pb, lineBase = fold * plan.CyclesPerFold + stream.Base;
        long latest = reach.Latest(fc, pb);
        // All reads since the epoch began missed and every reader is at least W reads back: each read misses too.
        bool allMissed = inWindow == start - epochStart;
        if (latest == ReaderReach.None || positions.FoldStart(fc, 0) + latest < epochStart || (allMissed && reach.NearestGap(fc, pb) >= w))
        {
            AllMiss(pb, start, size, lineBase);
            return;
        }

        long lastLine = positions.T + positions.Used(pb) - 2;
        int foldsBefore = reach.FoldsBefore(fc, pb, epochStart - positions.FoldStart(fc, 0));
        if (foldsBefore >= 0)
        {
            // No reader fold straddles the epoch start, so the fold's misses depend only on how many are out of it.
            var key = ((fc == 0 ? 0 : stream.PortBlocks) + pb, foldsBefore);
            if (!foldMisses.TryGetValue(key, out long count))
            {
                thresholds.Compute(fc, pb, epochStart);
                foldMisses[key] = count = Lines(pb, 0, lastLine + 1);
            }

            if (inWindow + count < w)
            {
                inWindow += count;
                misses += count;
                return;
            }
        }

        thresholds.Compute(fc, pb, epochStart);
        for (long x = 0; x <= lastLine; x++)
        {
            long need = w - inWindow;
            var (lo, before) = LocateMiss(pb, x, lastLine, need);
            if (lo < 0)
            {
                inWindow += before;
                misses += before;
                return;
            }

            // The W-th miss is on line lo: find its port.
            long rank = need - before, port = positions.FirstPort(lo);
            for (; ; port++)
                if (thresholds.IsMiss((int)port, lo - port) && --rank == 0) break;
            misses += need - 1;
            inWindow = w - 1;
            x = lo;
            for (; port <= positions.LastPort(pb, x); port++)
            {
                if (!thresholds.IsMiss((int)port, x - port)) continue;
                misses++;
                if (++inWindow < w) continue;
                Jump(start + positions.InFold(pb, x, port) + 1, lineBase + x);
                thresholds.Compute(fc, pb, epochStart);
            }
        }
    }

    /// <summary>Every read of the fold misses: jumps fall every W reads.</summary>
    private void AllMiss(int pb, long start, long size, long lineBase)
    {
        misses += size;
        long total = inWindow + size;
        if (total < w)
        {
            inWindow = total;
            return;
        }

        long lastJump = total / w * w - inWindow - 1;   // in-fold index of the read completing the last window
        Jump(start + lastJump + 1, lineBase + positions.ElementAt(pb, lastJump).Line);
        inWindow = total % w;
    }

    private void Jump(long nextEpochStart, long line)
    {
        epochStart = nextEpochStart;
        inWindow = 0;
        lastJumpLine = line;
    }

    /// <summary>
    /// The fold line holding the need-th miss from line x on and the misses before it, or (-1, all misses
    /// from x). With few runs per port (window offsets vary) a per-line histogram of the misses is summed
    /// once; otherwise the line is found by bisection on counts.
    /// </summary>
    private (long Line, long Before) LocateMiss(int pb, long x, long lastLine, long need)
    {
        long span = lastLine + 1 - x;
        if (thresholds.RunCount <= 2L * thresholds.CellCount * (Math.Log2(span) + 2))
        {
            var difference = histogram.AsSpan(0, (int)span + 1);
            difference.Clear();
            for (int p = 0; p < positions.Used(pb); p++)
                thresholds.AddMissRuns(p, Math.Max(0, x - p), positions.T, p - x, difference);
            long running = 0, seen = 0;
            for (int i = 0; i < span; i++)
            {
                running += difference[i];
                if (seen + running >= need) return (x + i, seen);
                seen += running;
            }

            return (-1, seen);
        }

        long total = Lines(pb, x, lastLine + 1);
        if (total < need) return (-1, total);
        long lo = x, hi = lastLine;
        while (lo < hi)
        {
            long mid = lo + (hi - lo) / 2;
            if (Lines(pb, x, mid + 1) >= need) hi = mid;
            else lo = mid + 1;
        }

        return (lo, Lines(pb, x, lo));
    }

    /// <summary>Misses on fold lines [from, to) (read t of port p is on line t + p).</summary>
    private long Lines(int pb, long from, long to)
    {
        long count = 0, t = positions.T;
        for (int p = 0; p < positions.Used(pb); p++)
        {
            long lo = Math.Max(0, from - p), hi = Math.Min(t, to - p);
            if (hi > lo) count += thresholds.Misses(p, lo, hi);
        }

        return count;
    }

}
