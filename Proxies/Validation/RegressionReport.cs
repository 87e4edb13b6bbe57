namespace ArchGym.Proxies.Validation;

/// <summary>
/// How well predictions match observations of one target: RMSE in the target's units and as a
/// percentage of both the mean |observed| value and the observed range (papers quote either; we
/// state both), MAPE (%), R², and Kendall's τ-b of the two rankings (what a search agent needs).
/// </summary>
public sealed record RegressionReport(int Count, double Rmse, double RmsePctOfMean, double RmsePctOfRange, double MapePct, double R2, double KendallTau)
{
    public static RegressionReport Compute(IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        var n = observed.Count;
        if (n == 0 || predicted.Count != n) throw new ArgumentException($"need matching, non-empty observations and predictions ({n} vs {predicted.Count})");
        double sse = 0, sumAbs = 0, mean = 0, ape = 0;
        var apeCount = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var a = observed[i];
            var e = predicted[i] - a;
            sse += e * e;
            sumAbs += Math.Abs(a);
            mean += a;
            min = Math.Min(min, a);
            max = Math.Max(max, a);
            if (a != 0)
            {
                ape += Math.Abs(e / a);
                apeCount++;
            }
        }

        mean /= n;
        var sst = 0.0;
        for (var i = 0; i < n; i++) sst += (observed[i] - mean) * (observed[i] - mean);
        var rmse = Math.Sqrt(sse / n);
        var range = max - min;
        return new RegressionReport(
            n,
            rmse,
            sumAbs > 0 ? 100 * rmse / (sumAbs / n) : double.NaN,
            range > 0 ? 100 * rmse / range : double.NaN,
            apeCount > 0 ? 100 * ape / apeCount : double.NaN,
            sst > 0 ? 1 - sse / sst : double.NaN,
            Kendall.TauB(observed, predicted));
    }
}

/// <summary>Kendall's rank correlation.</summary>
public static class Kendall
{
    /// <summary>
    /// τ-b = (concordant − discordant) / √((n₀ − ties in x)(n₀ − ties in y)) over all n₀ = n(n−1)/2 pairs
    /// (Kendall 1945); O(n²), fine for test sets of a few thousand. NaN when either side is constant.
    /// </summary>
    public static double TauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        long concordant = 0, discordant = 0, tiesX = 0, tiesY = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                if (dx == 0) tiesX++;
                if (dy == 0) tiesY++;
                var s = dx * dy;
                if (s > 0) concordant++;
                else if (s < 0) discordant++;
            }
        }

        var pairs = (long)n * (n - 1) / 2;
        var denominator = Math.Sqrt((double)(pairs - tiesX) * (pairs - tiesY));
        return denominator > 0 ? (concordant - discordant) / denominator : double.NaN;
    }
}
