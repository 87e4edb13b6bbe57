using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// Ranks in the USER-mode fetch order (the compute unit's prefetch matrix with its -1 padding
/// skipped, README §6b). Skewed operands are fetched along anti-diagonals of their stacked port
/// blocks (rows descending within a diagonal), block operands row-major. A demand line is one
/// contiguous run of this order, so its first rank locates the whole line. Ranks are closed forms
/// (lattice counts under a diagonal), so nothing here grows with the operand.
/// </summary>
internal sealed class PrefetchOrder
{
    private readonly ReadStream stream;
    private readonly long rows;
    private readonly long lastBlockRow0;
    private readonly long fullFrom, fullTo, fullBase;

    public PrefetchOrder(ReadStream stream)
    {
        this.stream = stream;
        rows = (long)stream.PortBlocks * stream.StreamExtent;
        lastBlockRow0 = (long)(stream.PortBlocks - 1) * stream.StreamExtent;
        // Diagonals [fullFrom, fullTo] start after whole diagonals only: DiagonalStart(d) = P*d - P(P-1)/2.
        fullFrom = stream.Ports;
        fullTo = Math.Min(rows, lastBlockRow0 + stream.LastBlockPorts);
        fullBase = (long)stream.Ports * (stream.Ports - 1) / 2;
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
        return DiagonalStart(d) + ValidBefore(d, firstPort);
    }

    /// <summary>Rank of the element at stream coordinates (a, b), see <see cref="ReadStream.Coordinates"/>.</summary>
    public long RankOf(long a, long b)
    {
        int ports = stream.Ports;
        if (stream.Shape == StreamShape.Block)
        {
            int colFold = (int)(b / ports);
            return (long)colFold * stream.StreamExtent * ports + a * stream.PortsUsed(colFold) + b % ports;
        }

        var (block, c) = Math.DivRem(a, ports);
        long d = block * stream.StreamExtent + b + c;
        return DiagonalStart(d) + ValidBefore(d, (int)c);
    }

    /// <summary>
    /// Where <paramref name="rank"/> falls: skewed, the diagonal holding it and its place there (the
    /// last diagonal starting at or before it, by bisection); block, the rank itself.
    /// </summary>
    public RankCut Cut(long rank)
    {
        if (stream.Shape == StreamShape.Block) return new RankCut(rank, 0, 0);
        long guess = (rank + fullBase) / stream.Ports;   // exact between whole diagonals
        if (guess >= fullFrom && guess + 1 <= fullTo) return new RankCut(rank, guess, rank - DiagonalStart(guess));
        long lo = 0, hi = rows + stream.Ports;   // DiagonalStart is non-decreasing
        while (lo < hi)
        {
            long mid = lo + (hi - lo + 1) / 2;
            if (DiagonalStart(mid) <= rank) lo = mid;
            else hi = mid - 1;
        }

        return new RankCut(rank, lo, rank - DiagonalStart(lo));
    }

    /// <summary>Skewed: the least streamed index t with RankOf(a, t) at or past the cut (exact for every element that exists).</summary>
    public long FirstStreamIndexAtOrPast(long a, RankCut cut)
    {
        var (block, rest) = Math.DivRem(a, stream.Ports);
        int c = (int)rest;
        long t = cut.Diagonal - block * stream.StreamExtent - c;
        return ValidBefore(cut.Diagonal, c) >= cut.IntoDiagonal ? t : t + 1;
    }

    /// <summary>Skewed: whether the element in column c of the cut's diagonal ranks at or past the cut.</summary>
    public bool AtOrPastOnDiagonal(RankCut cut, int c) => ValidBefore(cut.Diagonal, c) >= cut.IntoDiagonal;

    /// <summary>Block: the least row k with RankOf(k, b) at or past the cut.</summary>
    public long FirstRowAtOrPast(long b, RankCut cut)
    {
        int ports = stream.Ports, colFold = (int)(b / ports);
        long rest = cut.Rank - (long)colFold * stream.StreamExtent * ports - b % ports;
        return rest <= 0 ? 0 : FoldPlan.CeilDiv(rest, stream.PortsUsed(colFold));
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

    /// <summary>Valid entries on diagonals before d: the whole stacked matrix minus the missing ports of the last block.</summary>
    private long DiagonalStart(long d)
    {
        if (d >= fullFrom && d <= fullTo) return stream.Ports * d - fullBase;
        long missingPorts = stream.Ports - stream.LastBlockPorts;
        return LatticeCount.Below(rows, stream.Ports, d - 1)
            - LatticeCount.Below(stream.StreamExtent, missingPorts, d - 1 - lastBlockRow0 - stream.LastBlockPorts);
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

/// <summary>A rank located in the fetch order (see <see cref="PrefetchOrder.Cut"/>).</summary>
internal readonly record struct RankCut(long Rank, long Diagonal, long IntoDiagonal);
