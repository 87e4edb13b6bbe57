namespace ArchGym.Experiments.Reports;

/// <summary>Order statistics with linear interpolation between closest ranks (NumPy's default, Hyndman-Fan type 7).</summary>
public static class Quantiles
{
    /// <summary>The q-quantile (0..1) of sorted values; NaN when there are none; infinite when it interpolates towards +∞.</summary>
    public static double Of(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return double.NaN;
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        if (h == lo) return sorted[lo];
        if (double.IsPositiveInfinity(sorted[hi])) return double.PositiveInfinity;
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public static double Median(IEnumerable<double> values) => Of(Sorted(values), 0.5);

    public static double[] Sorted(IEnumerable<double> values)
    {
        var a = values.ToArray();
        Array.Sort(a);
        return a;
    }

    /// <summary>Minimum, quartiles and maximum of the finite values (NaN when there are none).</summary>
    public static FiveNumbers Summary(IEnumerable<double> values)
    {
        var s = Sorted(values.Where(double.IsFinite));
        return new FiveNumbers(Of(s, 0), Of(s, 0.25), Of(s, 0.5), Of(s, 0.75), Of(s, 1), s.Length);
    }
}

/// <summary>Minimum, lower quartile, median, upper quartile, maximum, and how many values they summarise.</summary>
public sealed record FiveNumbers(double Min, double Q1, double Median, double Q3, double Max, int Count);
