using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Proxies.Data;

/// <summary>
/// Distinct feasible design points of one parameter space with their observed metric values
/// (<see cref="Targets"/>: metric name -> one value per point, NaN where a file had no value).
/// <see cref="InfeasiblePoints"/> are the distinct designs the simulator rejected (never feasible in any file),
/// for a feasibility model. Immutable; <see cref="Subset"/> makes the train/test parts.
/// </summary>
public sealed class ProxyDataset
{
    public ProxyDataset(ParameterSpace space, IReadOnlyList<DesignPoint> points, IReadOnlyDictionary<string, double[]> targets,
        IReadOnlyList<DesignPoint>? infeasiblePoints = null)
    {
        foreach (var (name, values) in targets)
        {
            if (values.Length != points.Count) throw new ArgumentException($"metric '{name}' has {values.Length} values for {points.Count} points");
        }

        Space = space;
        Points = points;
        Targets = targets;
        InfeasiblePoints = infeasiblePoints ?? [];
    }

    public IReadOnlyList<DesignPoint> InfeasiblePoints { get; }

    public ParameterSpace Space { get; }

    public IReadOnlyList<DesignPoint> Points { get; }

    public IReadOnlyDictionary<string, double[]> Targets { get; }

    public int Count => Points.Count;

    public IReadOnlyList<string> MetricNames => Targets.Keys.ToArray();

    /// <summary>The values of one metric; throws naming the known metrics when absent.</summary>
    public double[] Target(string metric) =>
        Targets.TryGetValue(metric, out var v)
            ? v
            : throw new KeyNotFoundException($"unknown target metric '{metric}'; allowed: {string.Join(", ", Targets.Keys)}");

    /// <summary>
    /// Every design, feasible and infeasible, with the one target <paramref name="name"/> = 1 for feasible and 0
    /// for infeasible ones (a feasibility model's training set).
    /// </summary>
    public ProxyDataset FeasibilityLabels(string name) =>
        new(Space, [.. Points, .. InfeasiblePoints],
            new Dictionary<string, double[]> { [name] = [.. Enumerable.Repeat(1.0, Count), .. Enumerable.Repeat(0.0, InfeasiblePoints.Count)] });

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public ProxyDataset Subset(IReadOnlyList<int> indices) =>
        new(Space, indices.Select(i => Points[i]).ToArray(), Targets.ToDictionary(t => t.Key, t => indices.Select(i => t.Value[i]).ToArray()));

    /// <summary>Only the rows whose <paramref name="metric"/> is a finite number (a proxy for it trains on those).</summary>
    public ProxyDataset WithFinite(string metric)
    {
        var y = Target(metric);
        return Subset(Enumerable.Range(0, Count).Where(i => double.IsFinite(y[i])).ToArray());
    }
}
