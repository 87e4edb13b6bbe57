using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Core;

/// <summary>What an agent is built from: the design space, the environment's metrics, its hyperparameters and a seed.</summary>
public sealed record AgentContext(ParameterSpace Space, IReadOnlyList<Metric> Metrics, HyperParameters HyperParameters, int Seed);

/// <summary>A registered agent: name, one-line description, hyperparameters declared as data with defaults, and its factory.</summary>
public sealed record AgentSpec(
    string Name,
    string Description,
    ParameterSpace HyperParameters,
    IReadOnlyDictionary<string, string> Defaults,
    Func<AgentContext, IAgent> Create);
