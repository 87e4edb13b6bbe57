using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Tasks;

namespace ArchGym.Experiments.Reports;

/// <summary>
/// The Pareto front of points over two metrics, each in its own direction, in O(n log n): sorted
/// best-first on the first metric (then the second), a point is on the front exactly when the last
/// front point does not dominate it (<see cref="Pareto.Dominates"/>) and is not the same point.
/// The front comes out ordered along the first metric, ready to draw as a staircase.
/// </summary>
public static class ParetoFront2D
{
    public static IReadOnlyList<(double A, double B)> Front(IEnumerable<(double A, double B)> points, Metric a, Metric b)
    {
        Metric[] metrics = [a, b];
        var sa = a.Direction == Direction.Minimize ? 1 : -1;
        var sb = b.Direction == Direction.Minimize ? 1 : -1;
        var sorted = points.Where(p => double.IsFinite(p.A) && double.IsFinite(p.B))
            .OrderBy(p => sa * p.A).ThenBy(p => sb * p.B).ToArray();
        var front = new List<(double A, double B)>();
        Span<double> last = stackalloc double[2];
        Span<double> candidate = stackalloc double[2];
        foreach (var p in sorted)
        {
            candidate[0] = p.A;
            candidate[1] = p.B;
            if (front.Count > 0 && (Pareto.Dominates(last, candidate, metrics) || last.SequenceEqual(candidate))) continue;
            front.Add(p);
            candidate.CopyTo(last);
        }

        return front;
    }
}
