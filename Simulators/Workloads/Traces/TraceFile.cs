using System.IO.Compression;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Workloads.Traces;

/// <summary>
/// A trace file streamed on every pass (a 64 KiB window, never loaded whole); gzip files are
/// recognised by their magic bytes and decompressed on the fly. Lines starting with '#' and blank
/// lines are skipped. A malformed line throws <see cref="InvalidConfigException"/> naming
/// <c>file:line</c>; a missing file throws it too.
/// </summary>
public sealed class TraceFile(string path, TraceFormat format = TraceFormat.Auto) : ITraceSource
{
    public string Path { get; } = path;
    public TraceFormat Format { get; } = format;
    public string Name => System.IO.Path.GetFileName(Path);

    public IEnumerable<TraceRequest> Read()
    {
        if (!File.Exists(Path)) throw new InvalidConfigException("trace", Path, "an existing trace file");
        return Parse(Open(Path), Path, Format);
    }

    /// <summary>Streams requests from <paramref name="stream"/> (plain or gzip); <paramref name="source"/> names it in errors.</summary>
    internal static IEnumerable<TraceRequest> Parse(Stream stream, string source, TraceFormat format)
    {
        using var reader = new TraceLineReader(stream);
        string path = source;
        long index = 0;
        while (reader.MoveNext())
        {
            var line = reader.Line;
            if (format == TraceFormat.Auto) format = TraceLineParser.Detect(line, () => $"{path}:{reader.LineNumber}");
            if (!TraceLineParser.TryParse(line, format, index, out var request))
                throw TraceLineParser.Bad(line, $"a {format} request line: {TraceLineParser.Expected(format)}", $"{path}:{reader.LineNumber}");
            index++;
            yield return request;
        }
    }

    private static Stream Open(string path) => Decompressed(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));

    /// <summary>Wraps a seekable stream in a gzip decoder when it starts with the gzip magic bytes (1F 8B).</summary>
    internal static Stream Decompressed(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        int n = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return n == 2 && magic[0] == 0x1F && magic[1] == 0x8B ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }
}

/// <summary>
/// Reads ASCII lines from a stream into a reused buffer (no allocation per line); skips blank lines
/// and '#' comments; <see cref="Line"/> is valid until the next <see cref="MoveNext"/>.
/// </summary>
internal sealed class TraceLineReader(Stream stream) : IDisposable
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end, _lineStart, _lineLength;
    private bool _eof;

    public long LineNumber { get; private set; }
    public ReadOnlySpan<byte> Line => _buffer.AsSpan(_lineStart, _lineLength);

    public bool MoveNext()
    {
        while (true)
        {
            int nl = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (nl < 0 && !_eof) { Fill(); continue; }
            if (nl < 0 && _start == _end) return false;
            int stop = nl < 0 ? _end : nl;
            LineNumber++;
            var span = _buffer.AsSpan(_start, stop - _start);
            int lead = span.Length - span.TrimStart(" \t\r"u8).Length;
            var trimmed = span.Trim(" \t\r"u8);
            _lineStart = _start + lead; _lineLength = trimmed.Length;
            _start = nl < 0 ? _end : nl + 1;
            if (trimmed.IsEmpty || trimmed[0] == (byte)'#') continue;
            return true;
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start; _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2); // a line longer than the window
        int read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }

    public void Dispose() => stream.Dispose();
}
