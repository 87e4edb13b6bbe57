namespace ArchGym.Environments.Core.Tasks;

/// <summary>Pareto dominance over metric vectors, each metric compared in its own direction.</summary>
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

    private static bool Same(Evaluation x, Evaluation y, int[] idx) =>
        idx.Length == 0 ? x.MetricValues.SequenceEqual(y.MetricValues) : idx.All(i => x.MetricValues[i] == y.MetricValues[i]);
}
