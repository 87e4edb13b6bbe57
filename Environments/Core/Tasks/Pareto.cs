namespace ArchGym.Environments.Core.Tasks;

/// <summary>
/// Pareto dominance over metric vectors, each metric compared in its own direction; front extraction
/// for results, and the minimisation-vector forms multi-objective agents and <see cref="Hypervolume"/> use.
/// </summary>
public static class Pareto
{
    /// <summary>True when <paramref name="a"/> is no worse than <paramref name="b"/> in every metric and better in at least one.</summary>
    public static bool Dominates(ReadOnlySpan<double> a, ReadOnlySpan<double> b, IReadOnlyList<Metric> metrics, ReadOnlySpan<int> use = default)
    {
        var better = false;
        var count = use.IsEmpty ? metrics.Count : use.Length;
        for (var k = 0; k < count; k++)
        {
            var i = use.IsEmpty ? k : use[k];
            var s = metrics[i].Direction == Direction.Minimize ? 1 : -1;
            var d = s * (a[i] - b[i]);
            if (d > 0) return false;
            if (d < 0) better = true;
        }

        return better;
    }

    /// <summary>The non-dominated feasible evaluations (first occurrence kept among identical metric vectors).</summary>
    public static IReadOnlyList<Evaluation> Front(IEnumerable<Evaluation> evaluations, IReadOnlyList<Metric> metrics, IReadOnlyList<int>? use = null)
    {
        var candidates = evaluations.Where(e => e.Feasible && e.MetricValues.All(double.IsFinite)).ToList();
        var idx = use?.ToArray() ?? [];
        var front = new List<Evaluation>();
        foreach (var e in candidates)
        {
            var a = e.MetricValues.ToArray();
            var dominated = false;
            foreach (var o in candidates)
            {
                if (Dominates(o.MetricValues.ToArray(), a, metrics, idx)) { dominated = true; break; }
            }

            if (!dominated && !front.Any(f => Same(f, e, idx))) front.Add(e);
        }

        return front;
    }

    /// <summary>
    /// A metric vector as a minimisation vector over <paramref name="use"/> (every metric when empty):
    /// maximised metrics are negated, so smaller is better in every component.
    /// </summary>
    public static double[] ToMinimization(IReadOnlyList<double> values, IReadOnlyList<Metric> metrics, IReadOnlyList<int>? use = null)
    {
        var count = use is null || use.Count == 0 ? metrics.Count : use.Count;
        var result = new double[count];
        for (var k = 0; k < count; k++)
        {
            var i = use is null || use.Count == 0 ? k : use[k];
            result[k] = metrics[i].Direction == Direction.Minimize ? values[i] : -values[i];
        }

        return result;
    }

    /// <summary>Dominance between minimisation vectors: no worse anywhere, better somewhere.</summary>
    public static bool DominatesMinimizing(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var better = false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] > b[i]) return false;
            if (a[i] < b[i]) better = true;
        }

        return better;
    }

    /// <summary>
    /// Fast non-dominated sorting (Deb et al. 2002, NSGA-II): the front rank of each minimisation
    /// vector, 0 for the non-dominated ones, 1 for those dominated only by rank 0, and so on. O(M N²).
    /// </summary>
    public static int[] NonDominatedRanks(IReadOnlyList<double[]> points)
    {
        var n = points.Count;
        var ranks = new int[n];
        var dominatedBy = new int[n];
        var dominates = new List<int>[n];
        var current = new List<int>();
        for (var p = 0; p < n; p++)
        {
            dominates[p] = [];
            for (var q = 0; q < n; q++)
            {
                if (p == q) continue;
                if (DominatesMinimizing(points[p], points[q])) dominates[p].Add(q);
                else if (DominatesMinimizing(points[q], points[p])) dominatedBy[p]++;
            }

            if (dominatedBy[p] == 0) current.Add(p);
        }

        for (var rank = 0; current.Count > 0; rank++)
        {
            var next = new List<int>();
            foreach (var p in current)
            {
                ranks[p] = rank;
                foreach (var q in dominates[p])
                {
                    if (--dominatedBy[q] == 0) next.Add(q);
                }
            }

            current = next;
        }

        return ranks;
    }

    private static bool Same(Evaluation x, Evaluation y, int[] idx) =>
        idx.Length == 0 ? x.MetricValues.SequenceEqual(y.MetricValues) : idx.All(i => x.MetricValues[i] == y.MetricValues[i]);
}
