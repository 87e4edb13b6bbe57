using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Annealing;

/// <summary>
/// Simulated annealing (Kirkpatrick, Gelatt &amp; Vecchi 1983) with the Metropolis rule: a neighbour
/// (<c>moves</c> knobs changed) replaces the current point when better, or when worse by Δ with
/// probability exp(Δ / T). With <c>adaptive_scale</c>, Δ is first divided by the running mean of the worsenings |Δ| seen,
/// so the temperature is unit-free (T = 1 accepts a typical worsening with probability 1/e) whatever
/// the reward's scale. The temperature cools after every evaluation down to <c>min_temperature</c>;
/// <c>reheat_after</c> evaluations without a new best restore T₀ and restart from the best point.
/// A batch ask proposes that many neighbours of the current point; tells apply the rule in order.
/// Infeasible points have the worst fitness, so they are only accepted from an infeasible start.
/// </summary>
public sealed class SimulatedAnnealingAgent : IAgent
{
    public const string AgentName = "sa";

    private readonly ParameterSpace _space;
    private readonly Random _rng;
    private readonly double _initialTemperature;
    private readonly double _minTemperature;
    private readonly ICoolingSchedule _cooling;
    private readonly int _moves;
    private readonly int _reheatAfter;
    private readonly bool _adaptiveScale;
    private DesignPoint? _current;
    private double _currentFitness = double.NegativeInfinity;
    private DesignPoint? _best;
    private double _bestFitness = double.NegativeInfinity;
    private double _meanAbsDelta;
    private long _deltaCount;
    private int _sinceImprovement;

    public SimulatedAnnealingAgent(ParameterSpace space, double initialTemperature, double minTemperature, ICoolingSchedule cooling,
        int moves, int reheatAfter, bool adaptiveScale, int seed)
    {
        _space = space;
        _rng = new Random(seed);
        _initialTemperature = initialTemperature;
        _minTemperature = Math.Min(minTemperature, initialTemperature);
        _cooling = cooling;
        _moves = moves;
        _reheatAfter = reheatAfter;
        _adaptiveScale = adaptiveScale;
        Temperature = initialTemperature;
    }

    public static AgentSpec Spec { get; } = new(
        AgentName,
        "Simulated annealing: Metropolis acceptance of neighbour moves, exponential or linear cooling, optional reheating",
        new ParameterSpace(
        [
            new RealParameter("initial_temperature", 1e-6, 1e6, logScale: true, description: "starting temperature (unit-free with adaptive_scale, else in reward units)"),
            new RealParameter("min_temperature", 1e-9, 1e6, logScale: true, description: "the temperature never cools below this"),
            new CategoricalParameter("schedule", ["exponential", "linear"], "exponential: T <- T(1 - rate); linear: T <- T - rate T0"),
            new RealParameter("cooling_rate", 0, 1, description: "cooling per evaluation (see schedule)"),
            new IntegerParameter("moves", 1, 64, description: "knobs changed per neighbour move (capped at the number of knobs)"),
            new IntegerParameter("reheat_after", 0, 1_000_000, description: "evaluations without a new best before reheating to T0 at the best point (0 = never)"),
            HyperParameters.Bool("adaptive_scale", "divide reward differences by their running mean magnitude (unit-free temperature)"),
        ]),
        new Dictionary<string, string>
        {
            ["initial_temperature"] = "1", ["min_temperature"] = "0.001", ["schedule"] = "exponential", ["cooling_rate"] = "0.02",
            ["moves"] = "1", ["reheat_after"] = "0", ["adaptive_scale"] = "true",
        },
        Create);

    public string Name => AgentName;

    public double Temperature { get; private set; }

    public IReadOnlyList<DesignPoint> Ask(int count)
    {
        var points = new DesignPoint[count];
        for (var i = 0; i < count; i++) points[i] = _current is null ? _space.SampleFeasible(_rng) : _space.Neighbour(_current, _rng, _moves);
        return points;
    }

    public void Tell(IReadOnlyList<Evaluation> results)
    {
        foreach (var e in results) Consider(e.Point, Fitness.Of(e));
    }

    private void Consider(DesignPoint point, double fitness)
    {
        if (_best is null || fitness > _bestFitness)
        {
            (_best, _bestFitness) = (point, fitness);
            _sinceImprovement = 0;
        }
        else
        {
            _sinceImprovement++;
        }

        if (_current is null || Accept(fitness - _currentFitness, fitness)) (_current, _currentFitness) = (point, fitness);
        Temperature = Math.Max(_minTemperature, _cooling.Next(Temperature));
        if (_reheatAfter > 0 && _sinceImprovement >= _reheatAfter)
        {
            Temperature = _initialTemperature;
            (_current, _currentFitness) = (_best, _bestFitness);
            _sinceImprovement = 0;
        }
    }

    private bool Accept(double delta, double fitness)
    {
        if (double.IsNegativeInfinity(fitness)) return double.IsNegativeInfinity(_currentFitness);
        if (double.IsNaN(delta) || double.IsPositiveInfinity(delta) || delta >= 0) return true;
        var scale = 1.0;
        if (_adaptiveScale)
        {
            _deltaCount++;
            _meanAbsDelta += (-delta - _meanAbsDelta) / _deltaCount;
            scale = _meanAbsDelta;
        }

        return _rng.NextDouble() < Math.Exp(delta / (Temperature * scale));
    }

    private static SimulatedAnnealingAgent Create(AgentContext c)
    {
        var hp = c.HyperParameters;
        var t0 = hp.GetDouble("initial_temperature");
        var rate = hp.GetDouble("cooling_rate");
        ICoolingSchedule cooling = hp.GetText("schedule") == "linear" ? new LinearCooling(t0, rate) : new ExponentialCooling(rate);
        return new SimulatedAnnealingAgent(c.Space, t0, hp.GetDouble("min_temperature"), cooling, hp.GetInt("moves"),
            hp.GetInt("reheat_after"), hp.GetBool("adaptive_scale"), c.Seed);
    }
}
