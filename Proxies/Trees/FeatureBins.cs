using ArchGym.Proxies.Data;

namespace ArchGym.Proxies.Trees;

/// <summary>
/// Each feature's values as small bin codes, for histogram split search: one bin per distinct
/// value (design-space features have few), or quantile bins when a feature has more than
/// <see cref="MaxBins"/>. Splitting after bin b sends x ≤ <see cref="Threshold"/>(f, b) left: the
/// midpoint between the largest value in bin b and the smallest in bin b + 1.
/// </summary>
public sealed class FeatureBins
{
    public const int MaxBins = 256;

    private readonly double[][] _thresholds;

    public FeatureBins(FeatureMatrix x)
    {
        Rows = x.Rows;
        Columns = x.Columns;
        _thresholds = new double[Columns][];
        Codes = new byte[Rows * Columns];
        var column = new double[Rows];
        for (var f = 0; f < Columns; f++)
        {
            for (var i = 0; i < Rows; i++) column[i] = x[i, f];
            var distinct = column.Distinct().Order().ToArray();
            _thresholds[f] = distinct.Length <= MaxBins ? Midpoints(distinct) : QuantileCuts(column, distinct);
            var cuts = _thresholds[f];
            for (var i = 0; i < Rows; i++) Codes[i * Columns + f] = (byte)BinOf(cuts, column[i]);
        }
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Row-major bin codes.</summary>
    public byte[] Codes { get; }

    /// <summary>Number of bins of feature <paramref name="f"/>.</summary>
    public int BinCount(int f) => _thresholds[f].Length + 1;

    public double Threshold(int f, int bin) => _thresholds[f][bin];

    private static int BinOf(double[] cuts, double v)
    {
        // The number of cuts below v: bins are (−∞, c0], (c0, c1], ...
        int lo = 0, hi = cuts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (cuts[mid] < v) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    private static double[] Midpoints(double[] distinct)
    {
        var cuts = new double[Math.Max(0, distinct.Length - 1)];
        for (var i = 0; i < cuts.Length; i++) cuts[i] = 0.5 * (distinct[i] + distinct[i + 1]);
        return cuts;
    }

    private static double[] QuantileCuts(double[] column, double[] distinct)
    {
        var sorted = column.Order().ToArray();
        var cuts = new SortedSet<double>();
        for (var b = 1; b < MaxBins; b++)
        {
            var v = sorted[(int)((long)b * sorted.Length / MaxBins)];
            var i = Array.BinarySearch(distinct, v);
            if (i + 1 < distinct.Length) cuts.Add(0.5 * (distinct[i] + distinct[i + 1]));
        }

        return cuts.ToArray();
    }
}
