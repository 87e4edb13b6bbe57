using System.Buffers;
using System.Text;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Workloads.Traces;

/// <summary>
/// Parses single trace lines (ASCII). Pure functions without allocation on the success path; a bad
/// line throws <see cref="InvalidConfigException"/> naming the source (file:line) and the line.
/// </summary>
public static class TraceLineParser
{
    private const int MaxTokens = 5;

    /// <summary>Guesses the format from one non-comment line.</summary>
    public static TraceFormat Detect(ReadOnlySpan<char> line, string source) => WithBytes(line, source, 0, TraceFormat.Auto, detect: true);

    /// <summary>Parses one line; <paramref name="index"/> is the request number (Ramulator's implicit cycle).</summary>
    public static TraceRequest Parse(ReadOnlySpan<char> line, TraceFormat format, long index, string source)
    {
        var r = default(TraceRequest);
        WithBytes(line, source, index, format, detect: false, result: ref r);
        return r;
    }

    internal static TraceFormat Detect(ReadOnlySpan<byte> line, Func<string> source)
    {
        Span<Range> t = stackalloc Range[MaxTokens];
        int n = Tokens(line, t);
        if (line.IndexOf((byte)':') > 0) return TraceFormat.DramSys;
        if (n >= 3 && IsReadWrite(line[t[1]], out _)) return TraceFormat.DramSim3;
        if (n == 2 && (IsLoadStore(line[t[0]], out _) || IsShortCommand(line[t[1]], out _))) return TraceFormat.Ramulator;
        throw Bad(line, "a DRAMSys (<cycle>:\\tread\\t0x...), DRAMsim3 (0x... READ <cycle>) or Ramulator (0x... R / LD 0x...) request line", source());
    }

    internal static bool TryParse(ReadOnlySpan<byte> line, TraceFormat format, long index, out TraceRequest request)
    {
        request = default;
        Span<Range> t = stackalloc Range[MaxTokens];
        int n = Tokens(line, t);
        bool write;
        switch (format)
        {
            case TraceFormat.DramSys when n >= 3:
            {
                var cycle = line[t[0]];
                if (cycle.Length > 0 && cycle[^1] == (byte)':') cycle = cycle[..^1];
                int next = 1, bytes = 0;
                if (line[t[1]] is [(byte)'(', .., (byte)')'] len)
                {
                    if (n < 4 || !TryDecimal(len[1..^1], out long l) || l <= 0 || l > int.MaxValue) return false;
                    bytes = (int)l; next = 2;
                }
                if (!TryDecimal(cycle, out long c) || !IsReadWrite(line[t[next]], out write) || !TryHex(line[t[next + 1]], out ulong a)) return false;
                request = new TraceRequest(c, a, write, bytes);
                return true;
            }
            case TraceFormat.DramSim3 when n == 3:
            {
                if (!TryHex(line[t[0]], out ulong a) || !IsReadWrite(line[t[1]], out write) || !TryDecimal(line[t[2]], out long c)) return false;
                request = new TraceRequest(c, a, write);
                return true;
            }
            case TraceFormat.Ramulator when n == 2:
            {
                ulong a;
                if (IsLoadStore(line[t[0]], out write))
                {
                    var token = line[t[1]];
                    if (!(HasHexPrefix(token) ? TryHex(token, out a) : TryDecimalU(token, out a))) return false;
                }
                else if (!IsShortCommand(line[t[1]], out write) || !TryHex(line[t[0]], out a)) return false;
                request = new TraceRequest(index, a, write);
                return true;
            }
        }
        return false;
    }

    internal static InvalidConfigException Bad(ReadOnlySpan<byte> line, string expected, string source) =>
        new("trace line", Encoding.ASCII.GetString(line.Length > 120 ? line[..120] : line), expected, source);

    internal static string Expected(TraceFormat format) => format switch
    {
        TraceFormat.DramSys => "<cycle>:\\t[(<bytes>)\\t]read|write\\t<hex address>",
        TraceFormat.DramSim3 => "<hex address> READ|WRITE <cycle>",
        _ => "<hex address> R|W, or LD|ST <address>",
    };

    private static TraceFormat WithBytes(ReadOnlySpan<char> line, string source, long index, TraceFormat format, bool detect)
    {
        var r = default(TraceRequest);
        return WithBytes(line, source, index, format, detect, ref r);
    }

    private static TraceFormat WithBytes(ReadOnlySpan<char> line, string source, long index, TraceFormat format, bool detect, ref TraceRequest result)
    {
        byte[]? rented = line.Length > 256 ? ArrayPool<byte>.Shared.Rent(line.Length) : null;
        Span<byte> bytes = rented ?? stackalloc byte[256];
        try
        {
            int len = Encoding.ASCII.GetBytes(line, bytes);
            var span = bytes[..len].Trim((byte)' ');
            if (detect) return Detect(span, () => source);
            if (format == TraceFormat.Auto) format = Detect(span, () => source);
            if (!TryParse(span, format, index, out result)) throw Bad(span, $"a {format} request line: {Expected(format)}", source);
            return format;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int Tokens(ReadOnlySpan<byte> line, Span<Range> tokens)
    {
        int n = 0, i = 0;
        while (i < line.Length && n < tokens.Length)
        {
            while (i < line.Length && IsSpace(line[i])) i++;
            if (i == line.Length) break;
            int start = i;
            while (i < line.Length && !IsSpace(line[i])) i++;
            tokens[n++] = start..i;
        }
        while (i < line.Length && IsSpace(line[i])) i++;
        return i < line.Length ? tokens.Length + 1 : n; // more tokens than room: report as too many
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)',';

    // DRAMSys read/write, DRAMsim3 READ/WRITE (either case).
    private static bool IsReadWrite(ReadOnlySpan<byte> s, out bool write) =>
        Command(s, "read"u8, "write"u8, out write);

    // Ramulator's <address> R|W.
    private static bool IsShortCommand(ReadOnlySpan<byte> s, out bool write) => Command(s, "r"u8, "w"u8, out write);

    // Ramulator 2's LD|ST <address>.
    private static bool IsLoadStore(ReadOnlySpan<byte> s, out bool write) => Command(s, "ld"u8, "st"u8, out write);

    private static bool Command(ReadOnlySpan<byte> s, ReadOnlySpan<byte> read, ReadOnlySpan<byte> write, out bool isWrite)
    {
        isWrite = Ascii.EqualsIgnoreCase(s, write);
        return isWrite || Ascii.EqualsIgnoreCase(s, read);
    }

    private static bool HasHexPrefix(ReadOnlySpan<byte> s) => s.Length > 2 && s[0] == (byte)'0' && (s[1] | 0x20) == (byte)'x';

    private static bool TryHex(ReadOnlySpan<byte> s, out ulong value)
    {
        value = 0;
        if (HasHexPrefix(s)) s = s[2..];
        if (s.IsEmpty || s.Length > 16) return false;
        foreach (byte b in s)
        {
            int d = b is >= (byte)'0' and <= (byte)'9' ? b - '0' : (b | 0x20) is >= (byte)'a' and <= (byte)'f' ? (b | 0x20) - 'a' + 10 : -1;
            if (d < 0) return false;
            value = value << 4 | (uint)d;
        }
        return true;
    }

    private static bool TryDecimalU(ReadOnlySpan<byte> s, out ulong value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 19) return false;
        foreach (byte b in s)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (uint)(b - '0');
        }
        return true;
    }

    private static bool TryDecimal(ReadOnlySpan<byte> s, out long value)
    {
        bool ok = TryDecimalU(s, out ulong u) && u <= long.MaxValue;
        value = (long)u;
        return ok;
    }
}
