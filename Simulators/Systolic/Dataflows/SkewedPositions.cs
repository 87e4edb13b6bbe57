namespace ArchGym.Simulators.Systolic.Dataflows;

/// <summary>
/// Demand positions of a skewed stream re-read once per col fold (the ws and os ifmap): fold
/// (fc, pb) starts at fc*Elements + pb*T*P, and inside it the read (t, p) sits on fold line x = t + p
/// after all reads of earlier lines (a lattice count) and the ports before p on its own line.
/// </summary>
internal sealed class SkewedPositions(ReadStream stream)
{
    public long T { get; } = stream.StreamExtent;
    public int Ports { get; } = stream.Ports;
    public int PortBlocks { get; } = stream.PortBlocks;

    public int Used(long portBlock) => stream.PortsUsed((int)portBlock);

    /// <summary>Reads of a fold.</summary>
    public long FoldSize(long portBlock) => T * Used(portBlock);

    /// <summary>Position of fold (colFold, portBlock)'s first read.</summary>
    public long FoldStart(long colFold, long portBlock) => colFold * stream.Elements + portBlock * T * Ports;

    /// <summary>First port on fold line x.</summary>
    public long FirstPort(long x) => Math.Max(0, x - T + 1);

    /// <summary>Last port on fold line x.</summary>
    public long LastPort(long portBlock, long x) => Math.Min(Used(portBlock) - 1, x);

    /// <summary>Index inside the fold of the read on line x at port p.</summary>
    public long InFold(long portBlock, long x, long p) => LatticeCount.Below(T, Used(portBlock), x - 1) + p - FirstPort(x);

    /// <summary>The least line x whose read at port p has in-fold index at least <paramref name="index"/> (0 &lt;= index &lt; fold size).</summary>
    public long LineAtOrPast(long portBlock, long p, long index)
    {
        long y = LatticeCount.FirstReaching(T, Used(portBlock), index + 1);   // the line holding that index
        return InFold(portBlock, y, p) >= index ? y : y + 1;
    }

    /// <summary>Line and port of the read with in-fold index <paramref name="index"/>.</summary>
    public (long Line, long Port) ElementAt(long portBlock, long index)
    {
        long y = LatticeCount.FirstReaching(T, Used(portBlock), index + 1);
        return (y, FirstPort(y) + index - LatticeCount.Below(T, Used(portBlock), y - 1));
    }
}
