namespace ArchGym.Experiments.Runner.Slurm;

/// <summary>Where a run of a sweep is: done (complete run.json), its task running or queued, failed (its task ended without finishing it), never submitted, or unknown (no queue to ask).</summary>
public enum RunState
{
    Done,
    Running,
    Queued,
    Failed,
    NotSubmitted,
    Unknown,
}

/// <summary>
/// The state of every run of a sweep, from the run folders (the markers) and the Slurm queue: a run
/// not done whose shard's last task is still queued or running is waiting for it; one whose task left
/// the queue failed (cancelled, timed out, crashed or could not see the folder) and is what a resume
/// submits again, together with runs never submitted.
/// </summary>
public sealed record SweepStatus(IReadOnlyList<(SweepRun Run, RunState State)> Runs)
{
    public int Count(RunState state) => Runs.Count(r => r.State == state);

    /// <summary>The shards a resume submits: those holding a failed, never submitted or unknown run and no live task.</summary>
    public IReadOnlyList<int> ShardsToResubmit(int shardCount)
    {
        var live = Runs.Where(r => r.State is RunState.Running or RunState.Queued).Select(r => Shard.Of(r.Run, shardCount)).ToHashSet();
        return Runs.Where(r => r.State is RunState.Failed or RunState.NotSubmitted or RunState.Unknown)
            .Select(r => Shard.Of(r.Run, shardCount)).Where(s => !live.Contains(s)).Distinct().Order().ToArray();
    }

    /// <param name="isDone">Whether a run's folder holds its complete run.json.</param>
    /// <param name="jobs">The folder's Slurm submissions; null when it never went to Slurm.</param>
    /// <param name="queue">The queue now; null when it cannot be asked (then submitted runs not done are unknown).</param>
    public static SweepStatus Of(IReadOnlyList<SweepRun> runs, Func<SweepRun, bool> isDone, SlurmJobs? jobs, IReadOnlyList<SlurmTask>? queue)
    {
        var states = new List<(SweepRun, RunState)>(runs.Count);
        foreach (var run in runs)
        {
            if (isDone(run))
            {
                states.Add((run, RunState.Done));
                continue;
            }

            var shard = jobs is null ? -1 : Shard.Of(run, jobs.Shards);
            var submission = jobs?.LastFor(shard);
            if (submission is null)
            {
                states.Add((run, RunState.NotSubmitted));
                continue;
            }

            if (queue is null)
            {
                states.Add((run, RunState.Unknown));
                continue;
            }

            var task = queue.FirstOrDefault(t => t.ArrayJobId == submission.ArrayJob && t.TaskIndex == shard);
            states.Add((run, task is null ? RunState.Failed : task.IsRunning ? RunState.Running : RunState.Queued));
        }

        return new SweepStatus(states);
    }
}
