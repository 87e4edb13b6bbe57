namespace ArchGym.Experiments.Runner.Slurm;

/// <summary>One queued or running task as squeue lists it: the array job, the task index (null for a job that is not an array) and the state (PENDING, RUNNING, ...).</summary>
public sealed record SlurmTask(string ArrayJobId, int? TaskIndex, string State)
{
    public bool IsRunning => State is "RUNNING" or "COMPLETING" or "CONFIGURING" or "STAGE_OUT";
}

/// <summary>
/// The Slurm commands a sweep needs (sbatch, squeue), behind a seam so the planning of submissions,
/// status and resume is tested with a fake and the real client stays a thin process wrapper.
/// </summary>
public interface ISlurmClient
{
    /// <summary>Throws a <see cref="Cli.UserInputException"/> naming the cause when Slurm cannot be used from this machine.</summary>
    void EnsureAvailable();

    /// <summary>Submits a batch script (its #SBATCH lines hold every option); the job id. A rejected job throws a <see cref="Cli.UserInputException"/> with sbatch's reason.</summary>
    string Submit(string scriptPath);

    /// <summary>The current user's jobs still in the queue (pending or running), one entry per array task.</summary>
    IReadOnlyList<SlurmTask> Queue();
}
