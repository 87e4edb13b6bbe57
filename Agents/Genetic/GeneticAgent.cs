using ArchGym.Agents.Core;
using ArchGym.Agents.Core.Variation;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Genetic;

/// <summary>
/// A generational genetic algorithm (Holland 1975; Goldberg 1989) in ArchGym's form: a random first
/// population, then <c>generations - 1</c> bred ones; parents by tournament, uniform crossover with
/// <c>crossover_probability</c>, per-gene mutation (index moves, other choices, Gaussian steps in
/// normalised units) and <c>elitism</c> best members carried over unevaluated. After the last
/// generation it stops asking, so at most <c>generations × population</c> points are evaluated even
/// on a larger budget (ArchGym's GA sweeps rely on that). Infeasible members have the worst fitness.
/// </summary>
public sealed class GeneticAgent : IAgent
{
    public const string AgentName = "ga";

    private readonly ParameterSpace _space;
    private readonly Random _rng;
    private readonly int _populationSize;
    private readonly int _generations;
    private readonly int _tournament;
    private readonly double _crossover;
    private readonly int _elitism;
    private readonly GeneMutation _mutation;
    private readonly GenerationBatch _batch = new();
    private List<Evaluation> _population = [];
    private int _generation;

    public GeneticAgent(ParameterSpace space, int population, int generations, int tournament, double crossoverProbability,
        double mutationProbability, double mutationSigma, int elitism, int seed)
    {
        if (elitism >= population)
            throw new ArgumentException($"hyperparameter 'elitism' of {AgentName} cannot be {elitism}; allowed: fewer than population ({population})");
        _space = space;
        _rng = new Random(seed);
        _populationSize = population;
        _generations = generations;
        _tournament = tournament;
        _crossover = crossoverProbability;
        _elitism = elitism;
        _mutation = new GeneMutation(space, mutationProbability, mutationSigma);
    }

    public static AgentSpec Spec { get; } = new(
        AgentName,
        "Genetic algorithm: tournament selection, uniform crossover, per-gene mutation, elitism; stops after its generations",
        new ParameterSpace(
        [
            new IntegerParameter("population", 2, 100_000, description: "members per generation"),
            new IntegerParameter("generations", 1, 1_000_000, description: "generations, the random first one included; then it stops asking"),
            new IntegerParameter("tournament", 1, 64, description: "members drawn per tournament (1 = random parents)"),
            new RealParameter("crossover_probability", 0, 1, description: "chance a pair of parents is crossed (else copied)"),
            new RealParameter("mutation_probability", 0, 1, description: "chance per gene of a mutation"),
            new RealParameter("mutation_sigma", 0.001, 1, description: "standard deviation of a real gene's mutation, in normalised units"),
            new IntegerParameter("elitism", 0, 100_000, description: "best members carried into the next generation unevaluated (fewer than population)"),
        ]),
        new Dictionary<string, string>
        {
            ["population"] = "20", ["generations"] = "50", ["tournament"] = "3", ["crossover_probability"] = "0.9",
            ["mutation_probability"] = "0.2", ["mutation_sigma"] = "0.1", ["elitism"] = "1",
        },
        c => new GeneticAgent(c.Space, c.HyperParameters.GetInt("population"), c.HyperParameters.GetInt("generations"),
            c.HyperParameters.GetInt("tournament"), c.HyperParameters.GetDouble("crossover_probability"),
            c.HyperParameters.GetDouble("mutation_probability"), c.HyperParameters.GetDouble("mutation_sigma"),
            c.HyperParameters.GetInt("elitism"), c.Seed));

    public string Name => AgentName;

    /// <summary>0-based index of the generation being asked (equals <c>generations</c> once finished).</summary>
    public int Generation => _generation;

    public IReadOnlyList<DesignPoint> Ask(int count)
    {
        if (!_batch.Started) _batch.Start(RandomPopulation());
        return _batch.Take(count);
    }

    public void Tell(IReadOnlyList<Evaluation> results)
    {
        if (!_batch.Record(results)) return;
        var next = new List<Evaluation>(_populationSize);
        next.AddRange(Elites());
        next.AddRange(_batch.Results);
        _population = next;
        _generation++;
        _batch.Start(_generation < _generations ? Breed(_populationSize - _elitism) : []);
    }

    private DesignPoint[] RandomPopulation()
    {
        var points = new DesignPoint[_populationSize];
        for (var i = 0; i < points.Length; i++) points[i] = _space.SampleFeasible(_rng);
        return points;
    }

    private IEnumerable<Evaluation> Elites() =>
        _elitism == 0 ? [] : _population.OrderByDescending(Fitness.Of).ThenBy(e => e.Step).Take(_elitism);

    private List<DesignPoint> Breed(int count)
    {
        var fitness = _population.Select(Fitness.Of).ToArray();
        bool Better(int a, int b) => fitness[a] > fitness[b];
        var children = new List<DesignPoint>(count + 1);
        var childA = new double[_space.Count];
        var childB = new double[_space.Count];
        while (children.Count < count)
        {
            var a = _population[Tournament.Select(fitness.Length, _tournament, Better, _rng)].Point.Values;
            var b = _population[Tournament.Select(fitness.Length, _tournament, Better, _rng)].Point.Values;
            if (_rng.NextDouble() < _crossover)
            {
                UniformCrossover.Apply(a, b, childA, childB, _rng);
            }
            else
            {
                a.CopyTo(childA);
                b.CopyTo(childB);
            }

            _mutation.Apply(childA, _rng);
            _mutation.Apply(childB, _rng);
            children.Add(new DesignPoint(_space, childA));
            if (children.Count < count) children.Add(new DesignPoint(_space, childB));
        }

        return children;
    }
}
