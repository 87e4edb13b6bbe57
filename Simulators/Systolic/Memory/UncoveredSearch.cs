namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// Indices x = (row*Cols + col)*Inner + inner (an output pixel m = oy*OW + ox, or a window offset
/// k = (fy*FW + fx)*C + c) covered by any of a set of boxed intervals: x in [Lo, Hi) with row in
/// [R0, R1) and col in [C0, C1). Finds the first index no interval covers. Rows between breakpoints
/// (box edges and the rows holding interval ends) are covered alike, so whole runs of rows are
/// settled by looking at one.
/// </summary>
internal static class UncoveredSearch
{
    internal record struct Cover(long Lo, long Hi, int R0, int R1, int C0, int C1);

    /// <summary>The first index in [start, limit) that no cover holds, or <paramref name="limit"/>.</summary>
    public static long First(ReadOnlySpan<Cover> covers, long cols, long inner, long start, long limit)
    {
        long rowLen = cols * inner, x = start;
        while (x < limit)
        {
            long row = x / rowLen;
            long gap = FirstGapInRow(covers, row, rowLen, inner, x, limit);
            if (gap >= 0) return gap;
            long next = row + 1, nextBreak = Math.Min(NextBreak(covers, row, rowLen), (limit - 1) / rowLen + 1);
            x = next * rowLen;
            if (nextBreak <= next + 1 || x >= limit) continue;
            // Rows next .. nextBreak-1 are alike: if the first is fully covered, all are.
            gap = FirstGapInRow(covers, next, rowLen, inner, x, limit);
            if (gap >= 0) return gap;
            x = nextBreak * rowLen;
        }

        return limit;
    }

    /// <summary>First uncovered index of the row at or after <paramref name="from"/> (before limit), or -1.</summary>
    private static long FirstGapInRow(ReadOnlySpan<Cover> covers, long row, long rowLen, long inner, long from, long limit)
    {
        long rowStart = row * rowLen, end = Math.Min(rowStart + rowLen, limit), cur = from;
        while (cur < end)
        {
            long reach = cur;
            foreach (var c in covers)
            {
                if (row < c.R0 || row >= c.R1) continue;
                long lo = Math.Max(c.Lo, rowStart + c.C0 * inner), hi = Math.Min(c.Hi, rowStart + c.C1 * inner);
                if (lo <= cur && hi > reach) reach = hi;
            }

            if (reach == cur) return cur;
            cur = reach;
        }

        return -1;
    }

    /// <summary>The least breakpoint row above <paramref name="row"/>: box edges, interval-end rows and the rows after them.</summary>
    private static long NextBreak(ReadOnlySpan<Cover> covers, long row, long rowLen)
    {
        long next = long.MaxValue;
        foreach (var c in covers)
        {
            if (c.Lo >= c.Hi) continue;
            long loRow = c.Lo / rowLen, hiRow = (c.Hi - 1) / rowLen;
            next = Above(next, row, c.R0);
            next = Above(next, row, c.R1);
            next = Above(next, row, loRow);
            next = Above(next, row, loRow + 1);
            next = Above(next, row, hiRow);
            next = Above(next, row, hiRow + 1);
        }

        return next;
    }

    private static long Above(long best, long row, long candidate) => candidate > row && candidate < best ? candidate : best;
}
