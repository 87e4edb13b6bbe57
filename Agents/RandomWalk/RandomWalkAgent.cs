using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.RandomWalk;

/// <summary>
/// A seeded random walk: start at a random point, then each step moves <c>moves</c> knobs by one
/// neighbour step from the current point. With <c>greedy</c> the walk returns to the best point found
/// after every batch (a stochastic hill climb); <c>restart_probability</c> jumps to a fresh random point.
/// </summary>
public sealed class RandomWalkAgent : IAgent
{
    public const string AgentName = "random_walk";

    private readonly ParameterSpace _space;
    private readonly Random _rng;
    private readonly int _moves;
    private readonly double _restart;
    private readonly bool _greedy;
    private DesignPoint? _current;
    private Evaluation? _best;

    public RandomWalkAgent(ParameterSpace space, int moves, double restartProbability, bool greedy, int seed)
    {
        _space = space;
        _rng = new Random(seed);
        _moves = moves;
        _restart = restartProbability;
        _greedy = greedy;
    }

    public static AgentSpec Spec { get; } = new(
        AgentName,
        "Random walk over neighbouring design points (ArchGym's random walker), optionally greedy",
        new ParameterSpace(
        [
            new IntegerParameter("moves", 1, 16, description: "knobs changed per step (capped at the number of knobs)"),
            new RealParameter("restart_probability", 0, 1, description: "chance per step of jumping to a fresh random point"),
            HyperParameters.Bool("greedy", "walk on from the best point so far instead of the last one"),
        ]),
        new Dictionary<string, string> { ["moves"] = "1", ["restart_probability"] = "0", ["greedy"] = "false" },
        c => new RandomWalkAgent(c.Space, c.HyperParameters.GetInt("moves"), c.HyperParameters.GetDouble("restart_probability"),
            c.HyperParameters.GetBool("greedy"), c.Seed));

    public string Name => AgentName;

    public IReadOnlyList<DesignPoint> Ask(int count)
    {
        var points = new DesignPoint[count];
        var at = _current;
        for (var i = 0; i < count; i++)
        {
            at = at is null || _rng.NextDouble() < _restart ? _space.Sample(_rng) : _space.Neighbour(at, _rng, _moves);
            points[i] = at;
        }

        return points;
    }

    public void Tell(IReadOnlyList<Evaluation> results)
    {
        foreach (var e in results)
        {
            if (e.Feasible && (_best is null || e.Reward > _best.Reward)) _best = e;
        }

        if (results.Count > 0) _current = _greedy && _best is not null ? _best.Point : results[^1].Point;
    }
}
