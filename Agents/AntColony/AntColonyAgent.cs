using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.AntColony;

/// <summary>
/// Ant colony optimisation in the ant colony system form (Dorigo &amp; Gambardella 1997) that ArchGym
/// uses (after DeepSwarm): each iteration sends <c>ant_count</c> ants; an ant starts from the best
/// point so far (a random one at first) and walks <c>depth</c> steps (0 = one per parameter, a full
/// construction; the default of 2 re-decides a couple of knobs of the best point, which searched our
/// synthetic checks best), each
/// step visiting a parameter in a random order and setting it by the pseudo-random proportional rule
/// with exploitation probability <c>greediness</c>, decaying that level's pheromone towards
/// <c>start</c> by <c>decay</c> (local update). Once the iteration is told, the best-so-far point's
/// levels are reinforced with <c>evaporation</c> as the rate (global update). Infeasible points never
/// become the best.
/// </summary>
public sealed class AntColonyAgent : IAgent
{
    public const string AgentName = "aco";

    private readonly ParameterSpace _space;
    private readonly Random _rng;
    private readonly PheromoneTable _pheromone;
    private readonly int _ants;
    private readonly double _greediness;
    private readonly double _evaporation;
    private readonly double _decay;
    private readonly int _depth;
    private readonly GenerationBatch _iteration = new();
    private readonly int[] _order;
    private Evaluation? _best;

    public AntColonyAgent(ParameterSpace space, int ants, double greediness, double evaporation, double decay, double start, int depth,
        int bins, int seed)
    {
        _space = space;
        _rng = new Random(seed);
        _pheromone = new PheromoneTable(space, bins, start);
        _ants = ants;
        _greediness = greediness;
        _evaporation = evaporation;
        _decay = decay;
        _depth = depth == 0 ? space.Count : depth;
        _order = new int[space.Count];
    }

    public static AgentSpec Spec { get; } = new(
        AgentName,
        "Ant colony system (ArchGym's ACO): pheromone per parameter value, greedy/proportional choice, local decay, global reinforcement",
        new ParameterSpace(
        [
            new IntegerParameter("ant_count", 1, 10_000, description: "ants (evaluations) per iteration"),
            new RealParameter("greediness", 0, 1, description: "q0: chance a step takes the level of most pheromone instead of a proportional draw"),
            new RealParameter("evaporation", 0, 1, description: "rho: global update rate towards the best point's levels"),
            new RealParameter("decay", 0, 1, description: "xi: local update rate back towards the start value as ants pass"),
            new RealParameter("start", 1e-6, 1000, logScale: true, description: "tau0: initial pheromone (the best point's deposit is 1)"),
            new IntegerParameter("depth", 0, 10_000, description: "steps per ant walk from the best point (0 = one per parameter)"),
            new IntegerParameter("bins", 2, 1024, description: "pheromone levels of a real parameter or of a discrete one with more values"),
        ]),
        new Dictionary<string, string>
        {
            ["ant_count"] = "10", ["greediness"] = "0.5", ["evaporation"] = "0.1", ["decay"] = "0.1", ["start"] = "0.1",
            ["depth"] = "2", ["bins"] = "16",
        },
        c => new AntColonyAgent(c.Space, c.HyperParameters.GetInt("ant_count"), c.HyperParameters.GetDouble("greediness"),
            c.HyperParameters.GetDouble("evaporation"), c.HyperParameters.GetDouble("decay"), c.HyperParameters.GetDouble("start"),
            c.HyperParameters.GetInt("depth"), c.HyperParameters.GetInt("bins"), c.Seed));

    public string Name => AgentName;

    public PheromoneTable Pheromone => _pheromone;

    public IReadOnlyList<DesignPoint> Ask(int count)
    {
        if (!_iteration.Started) _iteration.Start(Walk());
        return _iteration.Take(count);
    }

    public void Tell(IReadOnlyList<Evaluation> results)
    {
        if (!_iteration.Record(results)) return;
        foreach (var e in _iteration.Results)
        {
            if (Fitness.Of(e) > (_best is null ? double.NegativeInfinity : Fitness.Of(_best))) _best = e;
        }

        if (_best is not null) _pheromone.Reinforce(_best.Point.Values, _evaporation);
        _iteration.Start(Walk());
    }

    private DesignPoint[] Walk()
    {
        var ants = new DesignPoint[_ants];
        var values = new double[_space.Count];
        for (var a = 0; a < ants.Length; a++)
        {
            (_best?.Point ?? _space.SampleFeasible(_rng)).Values.CopyTo(values);
            for (var step = 0; step < _depth && _order.Length > 0; step++)
            {
                if (step % _order.Length == 0) Shuffle();
                var i = _order[step % _order.Length];
                var level = _pheromone.Choose(i, _greediness, _rng);
                _pheromone.Decay(i, level, _decay);
                values[i] = _pheromone.ValueAt(i, level, _rng);
            }

            ants[a] = new DesignPoint(_space, values);
        }

        return ants;
    }

    private void Shuffle()
    {
        for (var i = 0; i < _order.Length; i++) _order[i] = i;
        _rng.Shuffle(_order);
    }
}
