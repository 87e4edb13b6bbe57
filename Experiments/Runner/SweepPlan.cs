using ArchGym.Experiments.Config;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// Every run of a sweep, in sweep order (environment, workload, agent, setting, budget, seed; the
/// seed varies fastest), each an ordinary experiment with its own folder, plus the column names of
/// <c>sweep.csv</c>: the union of the agents' hyperparameters and of the environments' metrics.
/// </summary>
public sealed record SweepPlan(
    SweepConfig Config,
    string OutputDirectory,
    IReadOnlyList<SweepRun> Runs,
    IReadOnlyList<string> HyperParameterNames,
    IReadOnlyList<string> MetricNames)
{
    public const string RunsFolder = "runs";

    public string RunDirectory(SweepRun run) => Path.Combine(OutputDirectory, RunsFolder, run.Id);
}

/// <summary>
/// One run of a sweep: its index and stable id, the experiment it is (one evaluation worker, output in
/// its own folder), the environment and workload as the environment names them, and the key of the
/// evaluation cache it may share (same environment settings and seed), null when it shares none.
/// </summary>
public sealed record SweepRun(int Index, string Id, ExperimentConfig Config, string Environment, string Workload, string? CacheKey);
