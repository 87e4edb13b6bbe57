namespace ArchGym.Experiments.Config;

/// <summary>
/// A proxy study (<c>archgym proxy study</c>): collect datasets with some agents on one environment,
/// train every model kind per target metric, measure accuracy and speed-up, then search on the proxy
/// and check the chosen design on the real simulator.
/// </summary>
public sealed record ProxyStudyConfig(
    string Name,
    EnvironmentSection Environment,
    IReadOnlyList<CollectionRun> Collect,
    IReadOnlyList<string> Targets,
    IReadOnlyList<StudyModel> Models,
    bool LogTarget,
    double TestFraction,
    int Seed,
    int TimingPoints,
    int Parallelism,
    StudySearch? Search,
    string OutputDirectory,
    string SourceFile);

/// <summary>One agent collecting data: its hyperparameters, evaluations per run, and the seeds (one run each).</summary>
public sealed record CollectionRun(string Agent, IReadOnlyDictionary<string, string> HyperParameters, int Budget, IReadOnlyList<int> Seeds, int BatchSize);

/// <summary>A model kind and its hyperparameters.</summary>
public sealed record StudyModel(string Kind, IReadOnlyDictionary<string, string> HyperParameters);

/// <summary>The search rerun on the proxy.</summary>
public sealed record StudySearch(AgentSection Agent, int Budget, int BatchSize);
