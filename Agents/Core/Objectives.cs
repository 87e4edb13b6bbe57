using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Tasks;

namespace ArchGym.Agents.Core;

/// <summary>
/// The metrics a multi-objective agent trades off, each in its own direction: every environment
/// metric by default, or the named ones. <see cref="Of"/> turns an evaluation into a minimisation vector.
/// </summary>
public sealed class Objectives
{
    private readonly IReadOnlyList<Metric> _metrics;
    private readonly int[] _use;

    public Objectives(IReadOnlyList<Metric> metrics, IReadOnlyList<string>? names = null)
    {
        if (metrics.Count == 0) throw new ArgumentException("a multi-objective agent needs at least one metric");
        _metrics = metrics;
        _use = names is null || names.Count == 0 ? Enumerable.Range(0, metrics.Count).ToArray() : names.Select(Find).ToArray();
        if (_use.Distinct().Count() != _use.Length) throw new ArgumentException("objectives: a metric is listed twice");
    }

    public int Count => _use.Length;

    /// <summary>Positions of the objectives among the environment's metrics.</summary>
    public IReadOnlyList<int> Indices => _use;

    public IReadOnlyList<Metric> Metrics => _metrics;

    /// <summary>The minimisation vector of a feasible evaluation with finite objectives, else null.</summary>
    public double[]? Of(Evaluation evaluation)
    {
        if (!evaluation.Feasible || evaluation.MetricValues.Count != _metrics.Count) return null;
        var v = Pareto.ToMinimization(evaluation.MetricValues, _metrics, _use);
        foreach (var x in v)
        {
            if (!double.IsFinite(x)) return null;
        }

        return v;
    }

    private int Find(string name)
    {
        for (var i = 0; i < _metrics.Count; i++)
        {
            if (string.Equals(_metrics[i].Name, name.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        }

        throw new ArgumentException($"objectives: unknown metric '{name}'; allowed: {string.Join(", ", _metrics.Select(m => m.Name))}");
    }
}
