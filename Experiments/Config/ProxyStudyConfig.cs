namespace ArchGym.Experiments.Config;

/// <summary>
/// A proxy study (<c>archgym proxy study</c>): collect datasets with some agents on one environment,
/// train every model kind per target metric, measure accuracy and speed-up, then search on the proxy
/// and check the chosen design on the real simulator. The proxy searched on takes, per target, the most
/// accurate model (RMSE % of mean) among those fast enough that one evaluation (every target) is at least
/// <see cref="MinSpeedup"/> times faster than a simulation (each model at least MinSpeedup × targets; the fastest if none is).
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
    double MinSpeedup,
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
