using ArchGym.Agents.Core;
using ArchGym.Agents.Core.Variation;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Nsga2;

/// <summary>
/// NSGA-II (Deb, Pratap, Agarwal &amp; Meyarivan 2002) for multi-objective runs. The objectives are the
/// environment's metrics in their own directions (every metric from the registry; a chosen subset
/// through the constructor). A random first population, then per generation <c>population</c>
/// offspring by binary crowded tournaments, crossover (SBX for ordered knobs with uniform swaps of
/// categoricals, or uniform) and per-gene mutation; parents and offspring together are cut back to
/// <c>population</c> by non-dominated rank and crowding distance (<see cref="RankedPopulation"/>).
/// Feasible points dominate infeasible ones. Like <c>ga</c>, it stops asking after its generations.
/// Its scalar reward is ignored; the current first front is <see cref="Front"/>.
/// </summary>
public sealed class Nsga2Agent : IAgent
{
    public const string AgentName = "nsga2";

    private readonly ParameterSpace _space;
    private readonly Objectives _objectives;
    private readonly Random _rng;
    private readonly int _populationSize;
    private readonly int _generations;
    private readonly double _crossoverProbability;
    private readonly SimulatedBinaryCrossover? _sbx;
    private readonly GeneMutation _mutation;
    private readonly GenerationBatch _batch = new();
    private RankedPopulation? _population;
    private int _generation;

    public Nsga2Agent(ParameterSpace space, Objectives objectives, int population, int generations, string crossover,
        double crossoverProbability, double sbxEta, double mutationProbability, double mutationSigma, int seed)
    {
        _space = space;
        _objectives = objectives;
        _rng = new Random(seed);
        _populationSize = population;
        _generations = generations;
        _crossoverProbability = crossoverProbability;
        _sbx = crossover == "sbx" ? new SimulatedBinaryCrossover(space, sbxEta) : null;
        _mutation = new GeneMutation(space, mutationProbability, mutationSigma);
    }

    public static AgentSpec Spec { get; } = new(
        AgentName,
        "NSGA-II multi-objective search over the environment's metrics: non-dominated sorting, crowding distance, SBX/uniform crossover",
        new ParameterSpace(
        [
            new IntegerParameter("population", 2, 100_000, description: "members kept per generation (and offspring bred per generation)"),
            new IntegerParameter("generations", 1, 1_000_000, description: "generations, the random first one included; then it stops asking"),
            new CategoricalParameter("crossover", ["sbx", "uniform"], "sbx: simulated binary crossover of ordered knobs (categoricals swap); uniform: genes swap"),
            new RealParameter("crossover_probability", 0, 1, description: "chance a pair of parents is crossed (else copied)"),
            new RealParameter("sbx_eta", 0.1, 100, description: "SBX distribution index (larger = children nearer their parents)"),
            new RealParameter("mutation_probability", 0, 1, description: "chance per gene of a mutation"),
            new RealParameter("mutation_sigma", 0.001, 1, description: "standard deviation of a real gene's mutation, in normalised units"),
        ]),
        new Dictionary<string, string>
        {
            ["population"] = "40", ["generations"] = "50", ["crossover"] = "sbx", ["crossover_probability"] = "0.9",
            ["sbx_eta"] = "15", ["mutation_probability"] = "0.2", ["mutation_sigma"] = "0.1",
        },
        c => new Nsga2Agent(c.Space, new Objectives(c.Metrics), c.HyperParameters.GetInt("population"), c.HyperParameters.GetInt("generations"),
            c.HyperParameters.GetText("crossover"), c.HyperParameters.GetDouble("crossover_probability"), c.HyperParameters.GetDouble("sbx_eta"),
            c.HyperParameters.GetDouble("mutation_probability"), c.HyperParameters.GetDouble("mutation_sigma"), c.Seed));

    public string Name => AgentName;

    public Objectives Objectives => _objectives;

    /// <summary>The non-dominated feasible members of the current population (empty before the first generation is told).</summary>
    public IReadOnlyList<Evaluation> Front => _population?.Front().ToArray() ?? [];

    public IReadOnlyList<DesignPoint> Ask(int count)
    {
        if (!_batch.Started) _batch.Start(RandomPopulation());
        return _batch.Take(count);
    }

    public void Tell(IReadOnlyList<Evaluation> results)
    {
        if (!_batch.Record(results)) return;
        var candidates = new List<Evaluation>(_populationSize * 2);
        if (_population is not null) candidates.AddRange(_population.Members);
        candidates.AddRange(_batch.Results);
        _population = RankedPopulation.Select(candidates, _objectives, _populationSize);
        _generation++;
        _batch.Start(_generation < _generations ? Breed(_population) : []);
    }

    private DesignPoint[] RandomPopulation()
    {
        var points = new DesignPoint[_populationSize];
        for (var i = 0; i < points.Length; i++) points[i] = _space.SampleFeasible(_rng);
        return points;
    }

    private List<DesignPoint> Breed(RankedPopulation parents)
    {
        var children = new List<DesignPoint>(_populationSize + 1);
        var childA = new double[_space.Count];
        var childB = new double[_space.Count];
        var n = parents.Members.Count;
        while (children.Count < _populationSize)
        {
            var a = parents.Members[Tournament.Select(n, 2, parents.Better, _rng)].Point.Values;
            var b = parents.Members[Tournament.Select(n, 2, parents.Better, _rng)].Point.Values;
            if (_rng.NextDouble() >= _crossoverProbability)
            {
                a.CopyTo(childA);
                b.CopyTo(childB);
            }
            else if (_sbx is not null)
            {
                _sbx.Apply(a, b, childA, childB, _rng);
            }
            else
            {
                UniformCrossover.Apply(a, b, childA, childB, _rng);
            }

            _mutation.Apply(childA, _rng);
            _mutation.Apply(childB, _rng);
            children.Add(new DesignPoint(_space, childA));
            if (children.Count < _populationSize) children.Add(new DesignPoint(_space, childB));
        }

        return children;
    }
}
