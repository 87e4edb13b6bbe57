using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// Where each fold's demand lies in the USER fetch order. Within a fold a skewed stream's lines
/// climb the order (one anti-diagonal each) and a block stream's lines descend it (one row each,
/// last row first); across folds the rank ranges never decrease within a run: a col-fold pass for
/// streams re-read per col fold, the whole layer otherwise. Those monotonic runs let the event
/// search skip held lines and folds by bisection instead of visiting them.
/// </summary>
internal sealed class FoldRanks(ReadStream stream, PrefetchOrder order, FoldPlan plan)
{
    private readonly bool skewed = stream.Shape == StreamShape.Skewed;
    private readonly int rowFolds = plan.RowFolds;

    public bool Descending => !skewed;

    public (int ColFold, int RowFold) Fold(long fold) => ((int)(fold / rowFolds), (int)(fold % rowFolds));

    public long FirstLine(int colFold, int rowFold) =>
        skewed ? stream.Base : stream.ArrayRows - stream.BlockRowsUsed(rowFold);

    public long LastLine(int colFold, int rowFold) => skewed
        ? stream.Base + stream.StreamExtent + stream.PortsUsed(stream.PortBlockOf(colFold, rowFold)) - 2
        : stream.ArrayRows - 1;

    /// <summary>First and last rank of a fold line that carries demand.</summary>
    public (long First, long Last) Line(int colFold, int rowFold, long line)
    {
        var (port, count) = stream.ValidPorts(colFold, rowFold, line);
        long first = order.LineStart(colFold, rowFold, line, port);
        return (first, first + count - 1);
    }

    public (long Min, long Max) FoldRange(long fold)
    {
        var (fc, fr) = Fold(fold);
        long lowLine = skewed ? FirstLine(fc, fr) : LastLine(fc, fr);
        long highLine = skewed ? LastLine(fc, fr) : FirstLine(fc, fr);
        return (Line(fc, fr, lowLine).First, Line(fc, fr, highLine).Last);
    }

    /// <summary>End (exclusive) of the run of folds with non-decreasing rank ranges that holds <paramref name="fold"/>.</summary>
    public long RunEnd(long fold) =>
        skewed && stream.PortBlockIsRowFold ? (fold / rowFolds + 1) * rowFolds : plan.Folds;

    /// <summary>
    /// First fold in [from, end) whose highest rank is at least <paramref name="rank"/>, or end. Fold ranges
    /// grow almost linearly, so the guess interpolates between the run's ends; galloping from it then
    /// brackets the answer for an exact bisection.
    /// </summary>
    public long FirstFoldReaching(long from, long end, long rank)
    {
        if (from >= end) return end;
        long firstMax = FoldRange(from).Max;
        if (firstMax >= rank) return from;
        long lastMax = FoldRange(end - 1).Max;
        if (lastMax < rank) return end;
        // Invariant: Max(lo) < rank <= Max(hi).
        long lo = from, hi = end - 1;
        long guess = lo + (long)((double)(rank - firstMax) / (lastMax - firstMax) * (hi - lo));
        guess = Math.Clamp(guess, lo + 1, hi);
        for (long step = 1; ; step *= 2)
        {
            if (FoldRange(guess).Max >= rank)
            {
                hi = guess;
                long below = Math.Max(lo, guess - step);
                if (below == lo || FoldRange(below).Max < rank) { lo = below; break; }
                guess = below;
            }
            else
            {
                lo = guess;
                long above = Math.Min(hi, guess + step);
                if (above == hi || FoldRange(above).Max >= rank) { hi = above; break; }
                guess = above;
            }
        }

        while (hi - lo > 1)
        {
            long mid = lo + (hi - lo) / 2;
            if (FoldRange(mid).Max >= rank) hi = mid;
            else lo = mid;
        }

        return hi;
    }

    /// <summary>Skewed: first line in [from, last line] whose last rank is at least <paramref name="rank"/>, or -1.</summary>
    public long FirstLineReaching(int colFold, int rowFold, long from, long rank)
    {
        // Line x is diagonal pb*T + x of the fetch order; its last element sits in column min(used - 1, x).
        var cut = order.Cut(rank);
        int used = stream.PortsUsed(stream.PortBlockOf(colFold, rowFold));
        long x = cut.Diagonal - (long)stream.PortBlockOf(colFold, rowFold) * stream.StreamExtent;
        if (x >= 0 && !order.AtOrPastOnDiagonal(cut, (int)Math.Min(used - 1, x))) x++;
        long line = Math.Max(from, stream.Base + x);
        return line <= LastLine(colFold, rowFold) ? line : -1;
    }

    /// <summary>Block: first line in [from, last line] whose first rank is below <paramref name="rank"/>, or -1.</summary>
    public long FirstLineBelow(int colFold, int rowFold, long from, long rank)
    {
        long rowBase = (long)colFold * stream.StreamExtent * stream.Ports;
        int used = stream.PortsUsed(colFold);
        if (rank <= rowBase) return -1;
        long lastRow = FoldPlan.CeilDiv(rank - rowBase, used) - 1;   // rows k <= lastRow start below rank
        long line = Math.Max(from, (long)rowFold * stream.ArrayRows + stream.ArrayRows - 1 - lastRow);
        return line <= LastLine(colFold, rowFold) ? line : -1;
    }
}
