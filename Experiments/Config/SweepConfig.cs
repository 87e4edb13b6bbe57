namespace ArchGym.Experiments.Config;

/// <summary>
/// A sweep as written in YAML: environments × workloads × agents (each with fixed hyperparameters
/// and a grid or a random sample over others) × budgets × seeds. Every combination is one run, an
/// ordinary experiment with one evaluation worker; <see cref="ParallelRuns"/> of them run at once.
/// Names and values are checked against the registries later (<c>SweepPlanner</c>), with the lines kept here.
/// </summary>
public sealed record SweepConfig(
    string Name,
    IReadOnlyList<SweepEnvironment> Environments,
    IReadOnlyList<Located<string>> Workloads,
    IReadOnlyList<SweepAgent> Agents,
    IReadOnlyList<int> Budgets,
    IReadOnlyList<int> Seeds,
    int BatchSize,
    int ParallelRuns,
    bool ShareEvaluations,
    string OutputDirectory,
    string SourceFile);

/// <summary>One environment of a sweep, with its line and how the file names it (<c>env</c> or <c>environments[i]</c>).</summary>
public sealed record SweepEnvironment(EnvironmentSection Section, long Line, string Field);

/// <summary>
/// One agent of a sweep (<see cref="Field"/>: how the file names it, <c>agent</c> or <c>agents[i]</c>): <see cref="Fixed"/> hyperparameters hold one value each; either a
/// <see cref="Grid"/> (every combination of the listed values, the last axis varying fastest) or a
/// <see cref="Sample"/> varies the others. With neither, the agent runs once per budget and seed.
/// </summary>
public sealed record SweepAgent(
    string Name,
    long Line,
    string Field,
    IReadOnlyList<HyperParameterAxis> Fixed,
    IReadOnlyList<HyperParameterAxis> Grid,
    HyperParameterSample? Sample);

/// <summary>A hyperparameter and the values it takes (as text, each with its line); no values means its declared domain.</summary>
public sealed record HyperParameterAxis(string Name, long Line, IReadOnlyList<Located<string>> Values);

/// <summary>
/// <see cref="Count"/> distinct settings drawn with <see cref="Seed"/>: each axis from its listed
/// values, or uniformly from the hyperparameter's declared domain when it lists none. No axes means
/// every declared hyperparameter that is not fixed.
/// </summary>
public sealed record HyperParameterSample(int Count, int Seed, IReadOnlyList<HyperParameterAxis> Axes, long Line);
