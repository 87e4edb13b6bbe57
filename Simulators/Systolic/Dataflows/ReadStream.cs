namespace ArchGym.Simulators.Systolic.Dataflows;

/// <summary>How a read operand's demand looks inside one fold.</summary>
internal enum StreamShape
{
    /// <summary>Operand (t, p) is demanded at fold line Base + t + p on port p (systolic skew).</summary>
    Skewed,

    /// <summary>Fold lines 0..R-1 each carry one operand row on all ports, last row first (stationary preload).</summary>
    Block,
}

/// <summary>Which ifmap coordinates a stream's (fixed/row, streamed/port) indices are.</summary>
internal enum IfmapAxes
{
    None,
    FixedIsM,
    FixedIsK,
    RowIsK,
}

/// <summary>
/// One read operand as SCALE-Sim's compute unit presents it (systolic_compute_{os,ws,is}): the
/// per-fold demand lines and the prefetch order the USER-mode buffer fetches in. Skewed operands
/// are prefetched along anti-diagonals of their stacked port blocks, block operands row-major;
/// in both cases one demand line is one contiguous run of the prefetch order.
/// </summary>
internal sealed class ReadStream
{
    private ReadStream(StreamShape shape, int ports, long portExtent, bool portBlockIsRowFold,
        long streamExtent, int baseLine, int arrayRows, long linesPerFold, IfmapAxes axes)
    {
        Shape = shape;
        Ports = ports;
        PortExtent = portExtent;
        PortBlocks = (int)FoldPlan.CeilDiv(portExtent, ports);
        LastBlockPorts = (int)(portExtent - (long)(PortBlocks - 1) * ports);
        PortBlockIsRowFold = portBlockIsRowFold;
        StreamExtent = streamExtent;
        Base = baseLine;
        ArrayRows = arrayRows;
        RowFolds = shape == StreamShape.Block ? (int)FoldPlan.CeilDiv(streamExtent, arrayRows) : 0;
        LinesPerFold = linesPerFold;
        Axes = axes;
    }

    /// <param name="portExtent">Operand extent mapped onto the ports (split in blocks of <paramref name="ports"/>).</param>
    /// <param name="streamExtent">T, the extent streamed in time.</param>
    public static ReadStream Skewed(int ports, long portExtent, bool portBlockIsRowFold, long streamExtent,
        int baseLine, long linesPerFold, IfmapAxes axes) =>
        new(StreamShape.Skewed, ports, portExtent, portBlockIsRowFold, streamExtent, baseLine, 0, linesPerFold, axes);

    /// <param name="rowExtent">K, the extent pinned into the array rows (R per row fold).</param>
    public static ReadStream Block(int ports, long portExtent, long rowExtent, int arrayRows, long linesPerFold, IfmapAxes axes) =>
        new(StreamShape.Block, ports, portExtent, false, rowExtent, 0, arrayRows, linesPerFold, axes);

    public StreamShape Shape { get; }
    public int Ports { get; }
    public long PortExtent { get; }
    public int PortBlocks { get; }
    public int LastBlockPorts { get; }
    public bool PortBlockIsRowFold { get; }

    /// <summary>Skewed: T. Block: the row extent K.</summary>
    public long StreamExtent { get; }
    public int Base { get; }
    public int ArrayRows { get; }
    public int RowFolds { get; }
    public long LinesPerFold { get; }
    public IfmapAxes Axes { get; }

    /// <summary>Distinct operand elements (each appears once in the prefetch order).</summary>
    public long Elements => PortExtent * StreamExtent;

    /// <summary>Prefetch-matrix entries including the -1 padding of a partial last port block.</summary>
    public long PrefetchEntries => (long)PortBlocks * Ports * StreamExtent;

    public int PortBlockOf(int colFold, int rowFold) => PortBlockIsRowFold ? rowFold : colFold;
    public int PortsUsed(int portBlock) => portBlock == PortBlocks - 1 ? LastBlockPorts : Ports;
    public int BlockRowsUsed(int rowFold) => (int)Math.Min(ArrayRows, StreamExtent - (long)rowFold * ArrayRows);

    /// <summary>Identifies the operand elements a fold reads: folds with the same id read the same elements in the same order.</summary>
    public long VisitId(int colFold, int rowFold) =>
        Shape == StreamShape.Skewed ? PortBlockOf(colFold, rowFold) : (long)colFold * RowFolds + rowFold;

    public long VisitSize(int colFold, int rowFold) => Shape == StreamShape.Skewed
        ? StreamExtent * PortsUsed(PortBlockOf(colFold, rowFold))
        : (long)BlockRowsUsed(rowFold) * PortsUsed(colFold);

    /// <summary>The valid ports of fold line <paramref name="line"/>: first port and count (0 when idle).</summary>
    public (int First, int Count) ValidPorts(int colFold, int rowFold, long line)
    {
        if (Shape == StreamShape.Block)
        {
            int rowsUsed = BlockRowsUsed(rowFold);
            return line >= ArrayRows - rowsUsed && line < ArrayRows ? (0, PortsUsed(colFold)) : (0, 0);
        }

        long x = line - Base;
        int used = PortsUsed(PortBlockOf(colFold, rowFold));
        long lo = Math.Max(0, x - StreamExtent + 1);
        long hi = Math.Min(used - 1, x);
        return hi >= lo ? ((int)lo, (int)(hi - lo + 1)) : (0, 0);
    }

    /// <summary>First fold line that carries a valid element in fold (0, 0).</summary>
    public long FirstDemandLine => Shape == StreamShape.Skewed ? Base : ArrayRows - BlockRowsUsed(0);

    /// <summary>The fold line holding the q-th element (0-based) of the fold's demand order.</summary>
    public long LineOfPosition(int colFold, int rowFold, long position)
    {
        if (Shape == StreamShape.Block)
            return ArrayRows - BlockRowsUsed(rowFold) + position / PortsUsed(colFold);

        // Skewed: lines Base..Base+x carry the (t, p) with t + p <= x; bisect on that lattice count.
        int used = PortsUsed(PortBlockOf(colFold, rowFold));
        long lo = 0, hi = StreamExtent + used - 2;
        while (lo < hi)
        {
            long mid = lo + (hi - lo) / 2;
            if (LatticeCount.Below(StreamExtent, used, mid) > position) hi = mid;
            else lo = mid + 1;
        }

        return Base + lo;
    }

    /// <summary>
    /// Operand coordinates of port <paramref name="port"/> on fold line <paramref name="line"/>:
    /// skewed (fixed index, streamed index t); block (pinned row k, global port index).
    /// </summary>
    public (long A, long B) Coordinates(int colFold, int rowFold, long line, int port)
    {
        if (Shape == StreamShape.Block)
            return ((long)rowFold * ArrayRows + ArrayRows - 1 - line, (long)colFold * Ports + port);
        long fixedIndex = (long)PortBlockOf(colFold, rowFold) * Ports + port;
        return (fixedIndex, line - Base - port);
    }
}
