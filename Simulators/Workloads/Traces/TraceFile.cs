using System.IO.Compression;

namespace ArchGym.Simulators.Workloads.Traces;

/// <summary>
/// A trace file read line by line on every pass (never loaded whole); <c>.gz</c> files are
/// decompressed on the fly. Lines starting with '#' and blank lines are skipped.
/// </summary>
public sealed class TraceFile(string path, TraceFormat format = TraceFormat.Auto) : ITraceSource
{
    public string Path { get; } = path;
    public TraceFormat Format { get; } = format;
    public string Name => System.IO.Path.GetFileName(Path);

    public IEnumerable<TraceRequest> Read()
    {
        using var file = File.OpenRead(Path);
        using Stream stream = Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, bufferSize: 1 << 16);
        var format = Format;
        long index = 0, lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            var span = line.AsSpan().Trim();
            if (span.IsEmpty || span[0] == '#') continue;
            if (format == TraceFormat.Auto) format = TraceLineParser.Detect(span, $"{Path}:{lineNo}");
            yield return TraceLineParser.Parse(span, format, index++, $"{Path}:{lineNo}");
        }
    }
}
