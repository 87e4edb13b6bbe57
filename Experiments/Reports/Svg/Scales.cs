using System.Globalization;

namespace ArchGym.Experiments.Reports.Svg;

/// <summary>Maps data values onto pixels along one axis and proposes tick values with labels.</summary>
public interface IScale
{
    double Map(double value);

    IReadOnlyList<double> Ticks { get; }

    string Format(double value);
}

/// <summary>
/// A linear scale over a domain widened to "nice" tick values (Heckbert's 1, 2, 5 × 10^k steps), so
/// the axis starts and ends on a labelled tick.
/// </summary>
public sealed class LinearScale : IScale
{
    private readonly double _min, _max, _from, _to;

    public LinearScale(double min, double max, double from, double to, int tickCount = 6)
    {
        if (!(max > min))
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }

        var step = Nice((max - min) / Math.Max(1, tickCount - 1), round: true);
        _min = Math.Floor(min / step) * step;
        _max = Math.Ceiling(max / step) * step;
        (_from, _to) = (from, to);
        var ticks = new List<double>();
        for (var v = _min; v <= _max + step * 1e-9; v += step) ticks.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
        Ticks = ticks;
    }

    private LinearScale(double min, double max, double from, double to, IReadOnlyList<double> ticks)
    {
        (_min, _max, _from, _to) = (min, max, from, to);
        Ticks = ticks;
    }

    public IReadOnlyList<double> Ticks { get; }

    /// <summary>A scale over exactly [min, max], without widening or ticks (for category positions).</summary>
    public static LinearScale Exact(double min, double max, double from, double to) => new(min, max, from, to, []);

    public double Map(double value) => _from + (value - _min) / (_max - _min) * (_to - _from);

    public string Format(double value) => Labels.Number(value);

    /// <summary>A nice number close to <paramref name="x"/>: 1, 2, 5 or 10 times a power of ten.</summary>
    public static double Nice(double x, bool round)
    {
        var exponent = Math.Floor(Math.Log10(x));
        var fraction = x / Math.Pow(10, exponent);
        var nice = round
            ? fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
            : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * Math.Pow(10, exponent);
    }
}

/// <summary>A base-10 logarithmic scale for positive values spanning orders of magnitude; ticks at powers of ten.</summary>
public sealed class LogScale : IScale
{
    private readonly double _lo, _hi, _from, _to;

    public LogScale(double min, double max, double from, double to)
    {
        _lo = Math.Floor(Math.Log10(min));
        _hi = Math.Max(_lo + 1, Math.Ceiling(Math.Log10(max)));
        (_from, _to) = (from, to);
        Ticks = Enumerable.Range(0, (int)(_hi - _lo) + 1).Select(k => Math.Pow(10, _lo + k)).ToArray();
    }

    public IReadOnlyList<double> Ticks { get; }

    public double Map(double value) => _from + (Math.Log10(value) - _lo) / (_hi - _lo) * (_to - _from);

    public string Format(double value) => Labels.Number(value);

    /// <summary>A log scale when every value is positive and they span more than <paramref name="ratio"/>, else linear.</summary>
    public static IScale Auto(IReadOnlyCollection<double> values, double from, double to, double ratio = 20)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return new LinearScale(0, 1, from, to);
        var (min, max) = (finite.Min(), finite.Max());
        return min > 0 && max / min > ratio ? new LogScale(min, max, from, to) : new LinearScale(min, max, from, to);
    }
}

/// <summary>Short number labels for ticks and tables: up to 4 significant digits, exponent form for large and tiny values.</summary>
public static class Labels
{
    public static string Number(double v)
    {
        if (double.IsNaN(v)) return "";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        var a = Math.Abs(v);
        if (a == 0) return "0";
        if (a >= 1e5 || a < 1e-3) return v.ToString("0.###e0", CultureInfo.InvariantCulture);
        var decimals = Math.Max(0, 3 - (int)Math.Floor(Math.Log10(a)));
        return Math.Round(v, decimals).ToString("0.####", CultureInfo.InvariantCulture);
    }
}
