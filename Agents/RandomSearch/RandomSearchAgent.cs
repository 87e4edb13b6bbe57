using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.RandomSearch;

/// <summary>Uniform random search: every ask draws independent points (rejecting constraint-breaking ones when asked to).</summary>
public sealed class RandomSearchAgent(ParameterSpace space, bool feasibleOnly, int seed) : IAgent
{
    public const string AgentName = "random_search";

    private readonly Random _rng = new(seed);

    public static AgentSpec Spec { get; } = new(
        AgentName,
        "Uniform random sampling of the design space (the baseline every agent must beat)",
        new ParameterSpace([HyperParameters.Bool("feasible_only", "draw again when a point breaks the space's constraints")]),
        new Dictionary<string, string> { ["feasible_only"] = "true" },
        c => new RandomSearchAgent(c.Space, c.HyperParameters.GetBool("feasible_only"), c.Seed));

    public string Name => AgentName;

    public IReadOnlyList<DesignPoint> Ask(int count)
    {
        var points = new DesignPoint[count];
        for (var i = 0; i < count; i++) points[i] = feasibleOnly ? space.SampleFeasible(_rng) : space.Sample(_rng);
        return points;
    }

    public void Tell(IReadOnlyList<Evaluation> results)
    {
    }
}
