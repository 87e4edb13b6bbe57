using System.Globalization;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Workloads.Traces;

/// <summary>Trace text formats.</summary>
public enum TraceFormat
{
    /// <summary>Detect from the first request line.</summary>
    Auto,
    /// <summary>DRAMSys StlPlayer: <c>&lt;cycle&gt;:\t&lt;read|write&gt;\t&lt;hex address&gt;</c>.</summary>
    DramSys,
    /// <summary>DRAMsim3: <c>&lt;hex address&gt; &lt;READ|WRITE&gt; &lt;cycle&gt;</c>.</summary>
    DramSim3,
    /// <summary>Ramulator memory trace: <c>&lt;hex address&gt; &lt;R|W&gt;</c> (one request per cycle), or Ramulator 2
    /// load/store <c>&lt;LD|ST&gt; &lt;hex address&gt;</c>.</summary>
    Ramulator,
}

/// <summary>Parses single trace lines; pure functions, no allocation beyond the span.</summary>
public static class TraceLineParser
{
    /// <summary>Guesses the format from one non-comment line.</summary>
    public static TraceFormat Detect(ReadOnlySpan<char> line, string source)
    {
        line = line.Trim();
        if (line.IndexOf(':') > 0) return TraceFormat.DramSys;
        var first = FirstToken(line);
        if (first.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return CountTokens(line) >= 3 ? TraceFormat.DramSim3 : TraceFormat.Ramulator;
        if (first.Equals("LD", StringComparison.OrdinalIgnoreCase) || first.Equals("ST", StringComparison.OrdinalIgnoreCase))
            return TraceFormat.Ramulator;
        throw new InvalidConfigException("trace format", line.ToString(), "DRAMSys .stl, DRAMsim3 or Ramulator lines", source);
    }

    /// <summary>Parses one line; <paramref name="index"/> is the request number (Ramulator's implicit cycle).</summary>
    public static TraceRequest Parse(ReadOnlySpan<char> line, TraceFormat format, long index, string source)
    {
        Span<Range> parts = stackalloc Range[4];
        var trimmed = line.Trim();
        int n = trimmed.SplitAny(parts, " \t:,", StringSplitOptions.RemoveEmptyEntries);
        try
        {
            switch (format)
            {
                case TraceFormat.DramSys when n >= 3:
                    return new(long.Parse(trimmed[parts[0]], CultureInfo.InvariantCulture), Hex(trimmed[parts[2]]), IsWrite(trimmed[parts[1]]));
                case TraceFormat.DramSim3 when n >= 3:
                    return new(long.Parse(trimmed[parts[2]], CultureInfo.InvariantCulture), Hex(trimmed[parts[0]]), IsWrite(trimmed[parts[1]]));
                case TraceFormat.Ramulator when n >= 2:
                    var a = trimmed[parts[0]];
                    return a.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                        ? new(index, Hex(a), IsWrite(trimmed[parts[1]]))
                        : new(index, Hex(trimmed[parts[1]]), IsWrite(a));
            }
        }
        catch (FormatException) { }
        catch (OverflowException) { }
        throw new InvalidConfigException("trace line", line.ToString(), $"a {format} request line", source);
    }

    private static ulong Hex(ReadOnlySpan<char> s)
    {
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) s = s[2..];
        return ulong.Parse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static bool IsWrite(ReadOnlySpan<char> s)
    {
        if (s.Equals("read", StringComparison.OrdinalIgnoreCase) || s.Equals("R", StringComparison.OrdinalIgnoreCase) || s.Equals("LD", StringComparison.OrdinalIgnoreCase)) return false;
        if (s.Equals("write", StringComparison.OrdinalIgnoreCase) || s.Equals("W", StringComparison.OrdinalIgnoreCase) || s.Equals("ST", StringComparison.OrdinalIgnoreCase)) return true;
        throw new FormatException();
    }

    private static ReadOnlySpan<char> FirstToken(ReadOnlySpan<char> s)
    {
        int i = s.IndexOfAny(' ', '\t');
        return i < 0 ? s : s[..i];
    }

    private static int CountTokens(ReadOnlySpan<char> s)
    {
        Span<Range> parts = stackalloc Range[4];
        return s.SplitAny(parts, " \t", StringSplitOptions.RemoveEmptyEntries);
    }
}
