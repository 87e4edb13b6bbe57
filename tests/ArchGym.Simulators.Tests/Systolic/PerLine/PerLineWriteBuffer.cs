using ArchGym.Simulators.Systolic.Memory;
namespace ArchGym.Simulators.Tests.Systolic.PerLine;

/// <summary>
/// Test oracle: the original per-line model, kept verbatim to check the event-driven library path.
/// SCALE-Sim's ofmap write buffer (write_buffer.py, README §6c). Writes are packed into lines of
/// bw words; once more than the drain half is buffered (free &lt; active) and no drain is in flight,
/// the partial line is flushed and the next ceil(drain/bw) lines drain at bw words/cycle. The array
/// stalls only when a drain is in flight and the buffer is full. A drain counts whole lines except
/// the -1 padding of its last line, so partial lines flushed earlier inside a chunk count fully.
/// Served per demand line: the element where a threshold is crossed is found by arithmetic.
/// </summary>
internal sealed class PerLineWriteBuffer
{
    private readonly long capacity, active, bandwidth, linesPerDrain;
    private readonly Queue<(long Line, int Valid)> partialLines = new();
    private long free, drainEnd, sinceFlush, lines, nextDrainLine;

    public PerLineWriteBuffer(int sramWords, int bandwidth)
    {
        capacity = sramWords;
        active = (sramWords + 1) / 2;
        this.bandwidth = bandwidth;
        linesPerDrain = (capacity - active + bandwidth - 1) / bandwidth;
        free = capacity;
    }

    public long DramWrites { get; private set; }
    public long DramStartCycle { get; private set; } = long.MinValue;
    public long DramStopCycle { get; private set; }

    /// <summary>Buffers <paramref name="writes"/> words arriving at <paramref name="cycle"/>; returns the write stall.</summary>
    public long Write(long writes, long cycle)
    {
        long current = cycle;
        while (writes > 0)
        {
            if (current < drainEnd)
            {
                if (free - writes > 0) { Store(writes); break; }
                long upToFull = Math.Max(1, free);
                Store(upToFull);
                writes -= upToFull;
                current = drainEnd;   // wait for the drain in flight
            }
            else
            {
                if (free - writes >= active) { Store(writes); break; }
                long upToTrigger = Math.Max(1, free - active + 1);
                Store(upToTrigger);
                writes -= upToTrigger;
                Flush();
                drainEnd = Drain(current);
            }
        }

        return current - cycle;
    }

    /// <summary>End of layer (empty_all_buffers): drain everything, chunk after chunk, from <paramref name="cycle"/>.</summary>
    public void Finish(long cycle)
    {
        Flush();
        while (nextDrainLine < lines) cycle = Drain(cycle) + 1;
    }

    private void Store(long words)
    {
        free -= words;
        sinceFlush += words;
    }

    private void Flush()
    {
        lines += sinceFlush / bandwidth;
        int partial = (int)(sinceFlush % bandwidth);
        if (partial > 0) partialLines.Enqueue((lines++, partial));
        sinceFlush = 0;
    }

    private long Drain(long cycle)
    {
        long end = Math.Min(nextDrainLine + linesPerDrain, lines);
        long count = end - nextDrainLine;
        long padding = 0;
        while (partialLines.Count > 0 && partialLines.Peek().Line < end)
        {
            var (line, valid) = partialLines.Dequeue();
            if (line == end - 1) padding = bandwidth - valid;
        }

        long words = count * bandwidth - padding;
        DramWrites += words;
        free += words;
        nextDrainLine = end;
        if (DramStartCycle == long.MinValue) DramStartCycle = cycle;
        DramStopCycle = cycle + count - 1;
        return DramStopCycle;
    }
}
