namespace ArchGym.Simulators.Systolic.Dataflows;

/// <summary>
/// The ofmap write demand of one fold: output (t, c) leaves the array at fold line Base + t + c
/// (SCALE-Sim skews the ofmap demand by column). os drains R flipped rows after T - 1 idle lines;
/// ws/is write T rows after 2R - 1 lines of weight load and pipeline fill. Cumulative writes over
/// global lines are a closed form (a lattice count per fold), so the line where a running total
/// reaches a threshold is found by bisection.
/// </summary>
internal sealed class WriteStream(FoldPlan plan)
{
    private readonly bool os = plan.Dataflow == Dataflow.OutputStationary;
    private readonly long perFold = plan.CyclesPerFold;
    private readonly long allWrites = (plan.Dataflow == Dataflow.OutputStationary ? plan.Sr : plan.RowFolds * plan.T) * plan.Sc;

    public long Base { get; } = plan.Dataflow == Dataflow.OutputStationary ? plan.T - 1 : 2L * plan.R - 1;

    /// <summary>Valid writes in fold line <paramref name="line"/>.</summary>
    public int Count(int colFold, int rowFold, long line) =>
        Count(line - Base, TLo(rowFold), THi, plan.ColsUsed(colFold));

    public long TLo(int rowFold) => os ? plan.R - plan.RowsUsed(rowFold) : 0;

    public long THi => os ? plan.R : plan.T;

    public static int Count(long x, long tLo, long tHi, int cols)
    {
        long lo = Math.Max(0, x - tHi + 1);
        long hi = Math.Min(cols - 1, x - tLo);
        return hi >= lo ? (int)(hi - lo + 1) : 0;
    }

    /// <summary>Valid writes in global demand line <paramref name="globalLine"/>.</summary>
    public int CountAt(long globalLine)
    {
        long fold = globalLine / perFold;
        return Count((int)(fold / plan.RowFolds), (int)(fold % plan.RowFolds), globalLine % perFold);
    }

    /// <summary>Writes in global lines [0, <paramref name="globalLine"/>).</summary>
    public long WritesBefore(long globalLine)
    {
        long fold = globalLine / perFold;
        if (fold >= plan.Folds) return FoldStart(plan.Folds);
        int fc = (int)(fold / plan.RowFolds), fr = (int)(fold % plan.RowFolds);
        long tLo = TLo(fr);
        return FoldStart(fold) + LatticeCount.Below(THi - tLo, plan.ColsUsed(fc), globalLine % perFold - 1 - Base - tLo);
    }

    /// <summary>
    /// The first line x before <paramref name="to"/> with WritesBefore(x + 1) >= <paramref name="total"/>, or
    /// <paramref name="to"/> if there is none. Closed form: the fold from the per-fold totals, the line
    /// within it by inverting the fold's lattice count.
    /// </summary>
    public long FirstLineReaching(long total, long to)
    {
        if (total > allWrites) return to;   // total >= 1
        long rowsPerFold = os ? plan.R : plan.T, rowsAll = os ? plan.Sr : plan.RowFolds * plan.T;
        long fc = Math.Min(plan.ColFolds - 1, (total - 1) / (plan.C * rowsAll));
        long cols = plan.ColsUsed((int)fc), colStart = fc * plan.C * rowsAll;
        long fr = Math.Min(plan.RowFolds - 1, (total - 1 - colStart) / (rowsPerFold * cols));
        long fold = fc * plan.RowFolds + fr, tLo = TLo((int)fr);
        long y = LatticeCount.FirstReaching(THi - tLo, cols, total - FoldStart(fold));
        return Math.Min(to, fold * perFold + y + Base + tLo);   // line y + Base + tLo is the last one counted
    }

    /// <summary>Writes of all folds before <paramref name="fold"/>: full col folds, then the row folds of this one.</summary>
    private long FoldStart(long fold)
    {
        long fc = fold / plan.RowFolds, fr = fold % plan.RowFolds;
        long rowsPerFold = os ? plan.R : plan.T, rowsAll = os ? plan.Sr : plan.RowFolds * plan.T;
        long colsBefore = Math.Min(fc * plan.C, plan.Sc), colsHere = fc < plan.ColFolds ? plan.ColsUsed((int)fc) : 0;
        return colsBefore * rowsAll + fr * rowsPerFold * colsHere;
    }
}
