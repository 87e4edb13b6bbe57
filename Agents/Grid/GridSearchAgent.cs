using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Grid;

/// <summary>
/// Exhaustive grid search (ArchGym's grid agent): every point of <see cref="GridAxes"/>, in nested-loop
/// order or, with <c>shuffle</c>, in a seeded random order (<see cref="FeistelPermutation"/>). Asks
/// return fewer points, then none, once the grid is exhausted. Tells are ignored: the order never adapts.
/// </summary>
public sealed class GridSearchAgent : IAgent
{
    public const string AgentName = "grid";

    private readonly ParameterSpace _space;
    private readonly GridAxes _axes;
    private readonly FeistelPermutation? _order;
    private readonly bool _skipInfeasible;
    private long _cursor;

    public GridSearchAgent(ParameterSpace space, int pointsPerReal, bool shuffle, bool skipInfeasible, int seed)
    {
        _space = space;
        _axes = new GridAxes(space, pointsPerReal);
        _order = shuffle ? new FeistelPermutation(_axes.Count, new Random(seed)) : null;
        _skipInfeasible = skipInfeasible;
    }

    public static AgentSpec Spec { get; } = new(
        AgentName,
        "Grid search over every discrete value (reals on an even grid), in order or seeded-shuffled; stops when exhausted",
        new ParameterSpace(
        [
            new IntegerParameter("points_per_real", 1, 1000, description: "grid values per real parameter (ends included; 1 = the midpoint)"),
            HyperParameters.Bool("shuffle", "visit the grid in a seeded random order instead of nested-loop order"),
            HyperParameters.Bool("skip_infeasible", "skip points that break the space's constraints"),
        ]),
        new Dictionary<string, string> { ["points_per_real"] = "5", ["shuffle"] = "false", ["skip_infeasible"] = "true" },
        c => new GridSearchAgent(c.Space, c.HyperParameters.GetInt("points_per_real"), c.HyperParameters.GetBool("shuffle"),
            c.HyperParameters.GetBool("skip_infeasible"), c.Seed));

    public string Name => AgentName;

    /// <summary>Grid points in all.</summary>
    public long Size => _axes.Count;

    /// <summary>Grid points not yet visited (asked or skipped).</summary>
    public long Remaining => _axes.Count - _cursor;

    public IReadOnlyList<DesignPoint> Ask(int count)
    {
        var points = new List<DesignPoint>(Math.Max(0, (int)Math.Min(count, Remaining)));
        while (points.Count < count && _cursor < _axes.Count)
        {
            var index = _order is null ? _cursor : _order[_cursor];
            _cursor++;
            var point = _axes.At(index);
            if (!_skipInfeasible || _space.IsFeasible(point)) points.Add(point);
        }

        return points;
    }

    public void Tell(IReadOnlyList<Evaluation> results)
    {
    }
}
