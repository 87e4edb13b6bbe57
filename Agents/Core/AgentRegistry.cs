using ArchGym.Agents.Annealing;
using ArchGym.Agents.AntColony;
using ArchGym.Agents.Bayesian;
using ArchGym.Agents.Genetic;
using ArchGym.Agents.Grid;
using ArchGym.Agents.MultiAgent;
using ArchGym.Agents.Nsga2;
using ArchGym.Agents.RandomSearch;
using ArchGym.Agents.RandomWalk;
using ArchGym.Agents.Reinforcement;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Core;

/// <summary>Agents by name. An ordinary object (no global state); <see cref="CreateDefault"/> holds every built-in agent.</summary>
public sealed class AgentRegistry
{
    private readonly SortedDictionary<string, AgentSpec> _specs = new(StringComparer.Ordinal);

    public static AgentRegistry CreateDefault()
    {
        var registry = new AgentRegistry();
        registry.Register(RandomSearchAgent.Spec);
        registry.Register(RandomWalkAgent.Spec);
        registry.Register(GridSearchAgent.Spec);
        registry.Register(GeneticAgent.Spec);
        registry.Register(SimulatedAnnealingAgent.Spec);
        registry.Register(AntColonyAgent.Spec);
        registry.Register(Nsga2Agent.Spec);
        registry.Register(BayesianOptimizationAgent.Spec);
        registry.Register(PpoAgent.Spec);
        registry.Register(ReinforceAgent.Spec);
        registry.Register(MultiAgentPpoAgent.Spec);
        return registry;
    }

    public void Register(AgentSpec spec)
    {
        if (!_specs.TryAdd(spec.Name, spec)) throw new ArgumentException($"agent '{spec.Name}' is already registered");
    }

    public bool Contains(string name) => _specs.ContainsKey(name);

    public AgentSpec Get(string name) =>
        _specs.TryGetValue(name, out var spec)
            ? spec
            : throw new KeyNotFoundException($"unknown agent '{name}'; allowed: {string.Join(", ", _specs.Keys)}");

    public IReadOnlyList<AgentSpec> List() => _specs.Values.ToArray();

    public IAgent Create(string name, ParameterSpace space, IReadOnlyList<Metric> metrics, IReadOnlyDictionary<string, string> hyperParameters, int seed)
    {
        var spec = Get(name);
        var hp = HyperParameters.Parse(name, spec.HyperParameters, spec.Defaults, hyperParameters);
        return spec.Create(new AgentContext(space, metrics, hp, seed));
    }
}
