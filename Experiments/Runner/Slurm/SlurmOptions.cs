using System.Text.Json.Serialization;

namespace ArchGym.Experiments.Runner.Slurm;

/// <summary>
/// How a sweep is submitted: partition, time limit per array task, CPUs per task (also the runs a task
/// runs at once), at most how many tasks run at once, the number of shards (array tasks), and extra
/// sbatch options written as #SBATCH lines. Null means Slurm's (or archgym's) default.
/// </summary>
public sealed record SlurmOptions(
    string? Partition = null,
    string? Time = null,
    int? CpusPerTask = null,
    int? MaxParallel = null,
    int? Shards = null,
    IReadOnlyList<string>? SbatchArgs = null)
{
    /// <summary>Slurm's default MaxArraySize is 1001, so task indices stay below 1000.</summary>
    public const int MaxShards = 1000;

    [JsonIgnore]
    public IReadOnlyList<string> ExtraArgs => SbatchArgs ?? [];

    /// <summary>These options where set, the earlier ones elsewhere (a resume keeps what the first submission said).</summary>
    public SlurmOptions Over(SlurmOptions earlier) => new(
        Partition ?? earlier.Partition, Time ?? earlier.Time, CpusPerTask ?? earlier.CpusPerTask, MaxParallel ?? earlier.MaxParallel,
        Shards ?? earlier.Shards, SbatchArgs is { Count: > 0 } ? SbatchArgs : earlier.SbatchArgs);
}
