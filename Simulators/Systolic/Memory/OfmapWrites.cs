using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// Serves the ofmap write demand through the write buffer burst by burst (README §6c): with no
/// drain in flight, writes are stored until the running total would leave fewer than
/// <see cref="WriteBuffer.Active"/> words free (a drain starts there); during a drain, until the
/// buffer would fill (the array waits there). The line of either event is found on the closed-form
/// write totals, so the cost is one bisection per drain or stall, not one step per line.
/// </summary>
internal sealed class OfmapWrites(WriteStream writes, WriteBuffer buffer)
{
    private long nextLine, written;   // lines before nextLine are served; written = their writes

    /// <summary>Serves lines [from, to), line i at cycle i + stalls; returns the stalls afterwards.</summary>
    public long Advance(long from, long to, long stalls)
    {
        if (from != nextLine) written = writes.WritesBefore(from);
        long line = from;
        while (line < to)
        {
            bool draining = line + stalls < buffer.DrainEnd;
            long limit = draining ? Math.Min(to, buffer.DrainEnd - stalls) : to;
            long room = draining ? buffer.Free : buffer.Free - buffer.Active + 1;
            long eventLine = writes.FirstLineReaching(written + Math.Max(1, room), limit);
            long before = writes.WritesBefore(eventLine);
            buffer.Store(before - written);
            written = before;
            if (eventLine >= limit)
            {
                line = limit;
                continue;
            }

            int count = writes.CountAt(eventLine);
            written += count;
            stalls += buffer.Write(count, eventLine + stalls);
            line = eventLine + 1;
        }

        nextLine = to;
        return stalls;
    }

    /// <summary>Serves one line at <paramref name="cycle"/> through the buffer's own rules; returns its write stall.</summary>
    public long WriteLine(long line, long cycle)
    {
        if (line != nextLine) written = writes.WritesBefore(line);
        int count = writes.CountAt(line);
        written += count;
        nextLine = line + 1;
        return count > 0 ? buffer.Write(count, cycle) : 0;
    }
}
