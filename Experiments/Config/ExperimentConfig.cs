namespace ArchGym.Experiments.Config;

/// <summary>An experiment as written in YAML: which environment, which agent, how long, which seed.</summary>
public sealed record ExperimentConfig(
    string Name,
    EnvironmentSection Environment,
    AgentSection Agent,
    int Budget,
    int BatchSize,
    int Parallelism,
    int Seed,
    string OutputDirectory,
    string SourceFile);

/// <summary>
/// The <c>env:</c> section: a registry id, its options, and optionally a reward formulation and targets,
/// and proxy model files (<c>proxy:</c>, one per metric) that stand in for the simulator, with trust mode.
/// </summary>
public sealed record EnvironmentSection(
    string Id,
    IReadOnlyDictionary<string, string> Options,
    string? Reward,
    IReadOnlyDictionary<string, double> Targets,
    IReadOnlyList<string>? Proxy = null,
    ProxyTrustSection? ProxyTrust = null);

/// <summary><c>env.proxy_trust:</c> fall back to the simulator above this relative std, retrain every so many samples.</summary>
public sealed record ProxyTrustSection(double MaxRelativeStd, int RetrainEvery);

/// <summary>The <c>agent:</c> section: a registry name and its hyperparameters (as text; the agent's spec parses them).</summary>
public sealed record AgentSection(string Name, IReadOnlyDictionary<string, string> HyperParameters);
