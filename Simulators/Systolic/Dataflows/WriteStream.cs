namespace ArchGym.Simulators.Systolic.Dataflows;

/// <summary>
/// The ofmap write demand of one fold: output (t, c) leaves the array at fold line Base + t + c
/// (SCALE-Sim skews the ofmap demand by column). os drains R flipped rows after T - 1 idle lines;
/// ws/is write T rows after 2R - 1 lines of weight load and pipeline fill.
/// </summary>
internal sealed class WriteStream(FoldPlan plan)
{
    private readonly bool os = plan.Dataflow == Dataflow.OutputStationary;

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
}
