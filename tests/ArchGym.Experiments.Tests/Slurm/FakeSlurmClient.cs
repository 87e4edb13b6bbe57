using System.Globalization;
using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Runner.Slurm;

namespace ArchGym.Experiments.Tests.Slurm;

/// <summary>A Slurm that records the scripts it was given, numbers jobs from 100, and answers squeue with what the test puts in <see cref="Tasks"/>.</summary>
public sealed class FakeSlurmClient : ISlurmClient
{
    private int _next = 100;

    public List<(string Id, string Script)> Submitted { get; } = [];

    public List<SlurmTask> Tasks { get; } = [];

    /// <summary>When set, sbatch rejects every script with this reason.</summary>
    public string? Reject { get; set; }

    public void EnsureAvailable()
    {
    }

    public string Submit(string scriptPath)
    {
        if (Reject is { } reason) throw new UserInputException($"sbatch rejected {Path.GetFileName(scriptPath)} (exit 1): {reason}");
        var id = (_next++).ToString(CultureInfo.InvariantCulture);
        Submitted.Add((id, File.ReadAllText(scriptPath)));
        return id;
    }

    public IReadOnlyList<SlurmTask> Queue() => Tasks.ToArray();
}
