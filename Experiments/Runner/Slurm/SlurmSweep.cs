using ArchGym.Experiments.Cli;

namespace ArchGym.Experiments.Runner.Slurm;

/// <summary>What a submission did: the new array and merge jobs (null when there was nothing to submit), the shard count, and the runs' states before it.</summary>
public sealed record SlurmSubmitResult(SlurmSubmission? Submitted, int Shards, SweepStatus Before);

/// <summary>
/// Submits a prepared sweep folder to Slurm as one job array plus a merge job that depends on it. The
/// first submission fixes the shard count; later ones (a resume) submit only the shards holding a run
/// that is neither done nor waiting in a live task, and the new merge job also waits for any array
/// still running. Every submission is recorded in <c>slurm/jobs.json</c>.
/// </summary>
public sealed class SlurmSweep(ISlurmClient client, IReadOnlyList<string> archgym)
{
    public SlurmSubmitResult Submit(SweepPlan plan, SweepFolder folder, SlurmOptions options)
    {
        var layout = new SlurmLayout(folder.Directory);
        var previous = SlurmJobs.TryRead(layout.JobsPath);
        var settings = previous is null ? options : options.Over(previous.Options);
        if (previous is not null && options.Shards is { } asked && asked != previous.Shards)
            throw new UserInputException($"--shards {asked}: this sweep was first submitted as {previous.Shards} shards; a resume keeps them (leave --shards out)");
        var shards = previous?.Shards ?? Math.Clamp(settings.Shards ?? SlurmOptions.MaxShards, 1, Math.Max(1, Math.Min(plan.Runs.Count, SlurmOptions.MaxShards)));
        var jobs = previous ?? new SlurmJobs(shards, settings, []);
        var queue = previous is null ? [] : client.Queue();
        var before = SweepStatus.Of(plan.Runs, r => folder.Completed(r) is not null, jobs, queue);
        var tasks = before.ShardsToResubmit(shards);
        if (tasks.Count == 0) return new SlurmSubmitResult(null, shards, before);

        layout.Prepare();
        var name = plan.Config.Name;
        AtomicFile.Write(layout.ArrayScriptPath, w => w.Write(SbatchScript.Array(layout, name, archgym, shards, tasks, settings)));
        string arrayJob;
        try
        {
            arrayJob = client.Submit(layout.ArrayScriptPath);
        }
        catch (UserInputException e)
        {
            throw new UserInputException($"{e.Message}; nothing was submitted; fix that and run: archgym sweep --resume --slurm {folder.Directory}", e);
        }

        var submission = new SlurmSubmission(arrayJob, tasks, null);
        jobs = jobs with { Options = settings, Submissions = [.. jobs.Submissions, submission] };
        jobs.Write(layout.JobsPath);

        var live = jobs.Submissions.Select(s => s.ArrayJob).Where(id => queue.Any(t => t.ArrayJobId == id)).Append(arrayJob).Distinct().ToArray();
        AtomicFile.Write(layout.MergeScriptPath, w => w.Write(SbatchScript.Merge(layout, name, archgym, live, settings)));
        string mergeJob;
        try
        {
            mergeJob = client.Submit(layout.MergeScriptPath);
        }
        catch (UserInputException e)
        {
            throw new UserInputException($"{e.Message}; array job {arrayJob} was submitted without its merge job: once it ends, run archgym sweep --merge {folder.Directory}", e);
        }

        submission = submission with { MergeJob = mergeJob };
        jobs = jobs with { Submissions = [.. jobs.Submissions.SkipLast(1), submission] };
        jobs.Write(layout.JobsPath);
        return new SlurmSubmitResult(submission, shards, before);
    }
}
