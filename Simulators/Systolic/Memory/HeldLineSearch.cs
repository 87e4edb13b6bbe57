using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// Finds the next demand line whose ranks the USER window does not hold: only such a line can slide
/// the window (README §6b), so every line before it is served without touching the buffer. Within a
/// fold the held stretch ends where the ranks leave the window (one bisection); across folds a run
/// of held folds is skipped by bisection on the folds' highest ranks.
/// </summary>
internal sealed class HeldLineSearch(FoldRanks ranks, SetWindow window, FoldPlan plan)
{
    public const long None = long.MaxValue;

    /// <summary>The first global line at or after <paramref name="fromLine"/> the window does not hold, or <see cref="None"/>.</summary>
    public long NextUnheldLine(long fromLine)
    {
        long perFold = plan.CyclesPerFold, fold = fromLine / perFold;
        long line = UnheldLineInFold(fold, fromLine % perFold);
        if (line >= 0) return fold * perFold + line;
        for (fold++; fold < plan.Folds;)
        {
            var (min, max) = ranks.FoldRange(fold);
            if (!window.Holds(min, max)) return fold * perFold + UnheldLineInFold(fold, 0);
            long above = window.FirstRankAbove(min);
            long end = ranks.RunEnd(fold);
            fold = above == SetWindow.Unbounded ? end : ranks.FirstFoldReaching(fold + 1, end, above);
        }

        return None;
    }

    /// <summary>The first line at or after <paramref name="from"/> in the fold the window does not hold, or -1.</summary>
    private long UnheldLineInFold(long fold, long from)
    {
        var (fc, fr) = ranks.Fold(fold);
        long first = Math.Max(from, ranks.FirstLine(fc, fr));
        if (first > ranks.LastLine(fc, fr)) return -1;
        var (low, high) = ranks.Line(fc, fr, first);
        if (!window.Holds(low, high)) return first;
        if (ranks.Descending)
        {
            long lowest = window.LowestHeldRank(low);
            return lowest == 0 ? -1 : ranks.FirstLineBelow(fc, fr, first + 1, lowest);
        }

        long above = window.FirstRankAbove(low);
        return above == SetWindow.Unbounded ? -1 : ranks.FirstLineReaching(fc, fr, first + 1, above);
    }
}
