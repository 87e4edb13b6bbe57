using System.Globalization;

namespace ArchGym.Simulators.Workloads.Traces;

/// <summary>
/// Writes requests as trace lines that <see cref="TraceFile"/> reads back: DRAMSys <c>&lt;cycle&gt;:\tread\t0x&lt;hex&gt;</c>,
/// DRAMsim3 <c>0x&lt;hex&gt; READ &lt;cycle&gt;</c>, or Ramulator <c>0x&lt;hex&gt; R</c> (no timestamps: one request per
/// cycle, so only a trace issuing one request per cycle from cycle 0 round-trips exactly). Streams: one line at a time.
/// </summary>
public static class TraceWriter
{
    /// <summary>Writes every request of <paramref name="requests"/>; returns how many.</summary>
    public static long Write(TextWriter writer, IEnumerable<TraceRequest> requests, TraceFormat format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(requests);
        if (format == TraceFormat.Auto) format = TraceFormat.DramSys;
        long n = 0;
        foreach (var r in requests)
        {
            writer.WriteLine(Line(r, format));
            n++;
        }

        return n;
    }

    public static string Line(TraceRequest r, TraceFormat format) => format switch
    {
        TraceFormat.DramSim3 => string.Create(CultureInfo.InvariantCulture, $"0x{r.Address:X} {(r.IsWrite ? "WRITE" : "READ")} {r.Cycle}"),
        TraceFormat.Ramulator => string.Create(CultureInfo.InvariantCulture, $"0x{r.Address:X} {(r.IsWrite ? "W" : "R")}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{r.Cycle}:\t{(r.IsWrite ? "write" : "read")}\t0x{r.Address:X}"),
    };
}
