namespace ArchGym.Simulators.Workloads.Traces;

/// <summary>
/// A trace read from any stream (plain or gzip, recognised by its magic bytes), opened afresh on every
/// pass by <paramref name="open"/>: a pipe, a network stream, an embedded resource. Streamed like
/// <see cref="TraceFile"/> (a 64 KiB window); errors name <paramref name="name"/> and the line.
/// </summary>
public sealed class TraceStream(string name, Func<Stream> open, TraceFormat format = TraceFormat.Auto) : ITraceSource
{
    public string Name { get; } = name;

    public IEnumerable<TraceRequest> Read()
    {
        var stream = open();
        return TraceFile.Parse(stream.CanSeek ? TraceFile.Decompressed(stream) : stream, Name, format);
    }
}
