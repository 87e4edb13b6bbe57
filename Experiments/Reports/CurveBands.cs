namespace ArchGym.Experiments.Reports;

/// <summary>One point of an aggregated curve: evaluations so far, median, lower and upper quartile over runs.</summary>
public sealed record CurvePoint(double Evaluations, double Median, double Lower, double Upper);

/// <summary>
/// Aggregates best-so-far curves of several runs (the seeds of one setting): at each evaluation count,
/// the median and inter-quartile range over the runs that have a feasible value there. Long curves
/// are thinned to at most <c>maxPoints</c> evaluation counts (the last one always kept).
/// </summary>
public static class CurveBands
{
    public static IReadOnlyList<CurvePoint> Aggregate(IReadOnlyList<double[]> curves, int maxPoints = 400)
    {
        var length = curves.Count == 0 ? 0 : curves.Max(c => c.Length);
        var stride = Math.Max(1, (int)Math.Ceiling(length / (double)maxPoints));
        var points = new List<CurvePoint>();
        for (var i = 0; i < length; i += stride) points.Add(At(curves, i));
        if (length > 0 && (length - 1) % stride != 0) points.Add(At(curves, length - 1));
        return points;
    }

    private static CurvePoint At(IReadOnlyList<double[]> curves, int i)
    {
        var values = Quantiles.Sorted(curves.Where(c => i < c.Length && double.IsFinite(c[i])).Select(c => c[i]));
        return new CurvePoint(i + 1, Quantiles.Of(values, 0.5), Quantiles.Of(values, 0.25), Quantiles.Of(values, 0.75));
    }
}
