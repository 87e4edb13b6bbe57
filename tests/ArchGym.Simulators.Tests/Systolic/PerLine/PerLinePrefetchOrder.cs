using ArchGym.Simulators.Systolic.Dataflows;
using ArchGym.Simulators.Systolic.Memory;

namespace ArchGym.Simulators.Tests.Systolic.PerLine;

/// <summary>
/// Test oracle: the original per-line model, kept verbatim to check the event-driven library path.
/// Ranks in the USER-mode fetch order (the compute unit's prefetch matrix with its -1 padding
/// skipped). Skewed operands are fetched along anti-diagonals of their stacked port blocks (rows
/// descending within a diagonal), block operands row-major. A demand line is one contiguous run of
/// this order, so its first rank locates the whole line.
/// </summary>
internal sealed class PerLinePrefetchOrder
{
    private readonly ReadStream stream;
    private readonly long rows;
    private readonly long lastBlockRow0;
    private readonly long[] diagonalStart = [];

    public PerLinePrefetchOrder(ReadStream stream)
    {
        this.stream = stream;
        rows = (long)stream.PortBlocks * stream.StreamExtent;
        lastBlockRow0 = (long)(stream.PortBlocks - 1) * stream.StreamExtent;
        if (stream.Shape != StreamShape.Skewed) return;
        long diagonals = rows + stream.Ports - 1;
        diagonalStart = new long[diagonals + 1];
        for (long d = 0; d < diagonals; d++)
            diagonalStart[d + 1] = diagonalStart[d] + ValidBefore(d, (int)Math.Min(stream.Ports - 1, d) + 1);
    }

    /// <summary>Rank of the first valid port of a demand line.</summary>
    public long LineStart(int colFold, int rowFold, long line, int firstPort)
    {
        if (stream.Shape == StreamShape.Block)
        {
            long k = (long)rowFold * stream.ArrayRows + stream.ArrayRows - 1 - line;
            return (long)colFold * stream.StreamExtent * stream.Ports + k * stream.PortsUsed(colFold) + firstPort;
        }

        long d = (long)stream.PortBlockOf(colFold, rowFold) * stream.StreamExtent + line - stream.Base;
        return diagonalStart[d] + ValidBefore(d, firstPort);
    }

    /// <summary>Visits every element in fetch order as (coordinate A, coordinate B), see <see cref="ReadStream.Coordinates"/>.</summary>
    public void ForEach(Action<long, long> visit)
    {
        int ports = stream.Ports;
        if (stream.Shape == StreamShape.Block)
        {
            for (int pb = 0; pb < stream.PortBlocks; pb++)
            for (long k = 0; k < stream.StreamExtent; k++)
            for (int p = 0; p < stream.PortsUsed(pb); p++)
                visit(k, (long)pb * ports + p);
            return;
        }

        long diagonals = rows + ports - 1;
        for (long d = 0; d < diagonals; d++)
        {
            long cMin = Math.Max(0, d - rows + 1), cMax = Math.Min(ports - 1, d);
            for (long c = cMin; c <= cMax; c++)
            {
                long row = d - c;
                int pb = (int)(row / stream.StreamExtent);
                if (c >= stream.PortsUsed(pb)) continue;
                visit((long)pb * ports + c, row % stream.StreamExtent);
            }
        }
    }

    /// <summary>Valid entries of diagonal d in columns [cMin, c): only the last port block can be partial.</summary>
    private long ValidBefore(long d, int c)
    {
        long cMin = Math.Max(0, d - rows + 1);
        long all = c - cMin;
        long lo = Math.Max(cMin, stream.LastBlockPorts), hi = Math.Min(c - 1, d - lastBlockRow0);
        return all - Math.Max(0, hi - lo + 1);
    }
}
