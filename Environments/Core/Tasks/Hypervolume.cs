namespace ArchGym.Environments.Core.Tasks;

/// <summary>
/// The hypervolume indicator (Zitzler &amp; Thiele 1998): the volume of objective space dominated by a
/// set of minimisation vectors and bounded by a reference point. Points that do not strictly beat the
/// reference in every objective add nothing. <see cref="Exact"/> is exact in any dimension (a 2-D
/// sweep, and slicing along the last objective above that, O(n^(d-1) log n)); <see cref="Estimate"/>
/// is a seeded Monte-Carlo estimate for large fronts in many dimensions.
/// </summary>
public static class Hypervolume
{
    /// <summary>The exact hypervolume of <paramref name="points"/> (minimisation vectors) against <paramref name="reference"/>.</summary>
    public static double Exact(IReadOnlyList<double[]> points, ReadOnlySpan<double> reference)
    {
        var inside = Inside(points, reference);
        return inside.Count == 0 ? 0 : Slice(inside, reference.ToArray(), reference.Length);
    }

    /// <summary>
    /// A Monte-Carlo estimate: the share of <paramref name="samples"/> uniform points of the box between
    /// the points' per-objective minima and the reference that some point dominates, times the box volume.
    /// </summary>
    public static double Estimate(IReadOnlyList<double[]> points, ReadOnlySpan<double> reference, int samples, Random rng)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), "at least one sample");
        var inside = Inside(points, reference);
        if (inside.Count == 0) return 0;
        var d = reference.Length;
        var low = new double[d];
        Array.Fill(low, double.PositiveInfinity);
        foreach (var p in inside)
        {
            for (var k = 0; k < d; k++) low[k] = Math.Min(low[k], p[k]);
        }

        var box = 1.0;
        for (var k = 0; k < d; k++) box *= reference[k] - low[k];
        var sample = new double[d];
        var hits = 0;
        for (var s = 0; s < samples; s++)
        {
            for (var k = 0; k < d; k++) sample[k] = low[k] + rng.NextDouble() * (reference[k] - low[k]);
            foreach (var p in inside)
            {
                if (WeaklyDominates(p, sample))
                {
                    hits++;
                    break;
                }
            }
        }

        return box * hits / samples;
    }

    /// <summary>
    /// The exact hypervolume of feasible evaluations in metric space (each metric in its own direction)
    /// against a reference given in metric units, over <paramref name="use"/> (every metric when null).
    /// </summary>
    public static double Of(IEnumerable<Evaluation> evaluations, IReadOnlyList<Metric> metrics, IReadOnlyList<double> reference,
        IReadOnlyList<int>? use = null)
    {
        var points = Pareto.Front(evaluations, metrics, use).Select(e => Pareto.ToMinimization(e.MetricValues, metrics, use)).ToList();
        return Exact(points, Pareto.ToMinimization(reference, metrics, use));
    }

    private static List<double[]> Inside(IReadOnlyList<double[]> points, ReadOnlySpan<double> reference)
    {
        var inside = new List<double[]>(points.Count);
        foreach (var p in points)
        {
            if (p.Length != reference.Length) throw new ArgumentException($"a point has {p.Length} objectives, the reference {reference.Length}");
            var ok = true;
            for (var k = 0; k < p.Length && ok; k++) ok = double.IsFinite(p[k]) && p[k] < reference[k];
            if (ok) inside.Add(p);
        }

        return inside;
    }

    // Volume over the first d objectives. Slabs between consecutive values of objective d-1 are each
    // covered by the (d-1)-dimensional hypervolume of the points at or below the slab.
    private static double Slice(List<double[]> points, double[] reference, int d)
    {
        if (d == 1) return reference[0] - points.Min(p => p[0]);
        if (d == 2) return Sweep(points, reference);
        var sorted = points.OrderBy(p => p[d - 1]).ToList();
        var volume = 0.0;
        var below = new List<double[]>(sorted.Count);
        for (var k = 0; k < sorted.Count; k++)
        {
            below.Add(sorted[k]);
            var top = k + 1 < sorted.Count ? sorted[k + 1][d - 1] : reference[d - 1];
            var height = top - sorted[k][d - 1];
            if (height > 0) volume += height * Slice(below, reference, d - 1);
        }

        return volume;
    }

    private static double Sweep(List<double[]> points, double[] reference)
    {
        var sorted = points.OrderBy(p => p[0]).ThenBy(p => p[1]).ToList();
        var area = 0.0;
        var floor = reference[1];
        foreach (var p in sorted)
        {
            if (p[1] >= floor) continue;
            area += (reference[0] - p[0]) * (floor - p[1]);
            floor = p[1];
        }

        return area;
    }

    private static bool WeaklyDominates(double[] p, double[] q)
    {
        for (var k = 0; k < p.Length; k++)
        {
            if (p[k] > q[k]) return false;
        }

        return true;
    }
}
