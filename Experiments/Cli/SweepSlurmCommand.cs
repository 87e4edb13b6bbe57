using System.Globalization;
using System.Reflection;
using ArchGym.Experiments.Runner;
using ArchGym.Experiments.Runner.Slurm;

namespace ArchGym.Experiments.Cli;

/// <summary>
/// <c>archgym sweep FILE --slurm</c> (submit as one job array and a merge job), <c>archgym sweep
/// --resume --slurm FOLDER</c> (resubmit the shards holding missing or failed runs) and <c>archgym
/// sweep --status FOLDER</c> (runs done, running, queued, failed, from the run folders and squeue).
/// </summary>
public static class SweepSlurmCommand
{
    public static int Submit(string file, string? output, SlurmOptions options, ISlurmClient client)
    {
        var setup = SweepSetup.Load(file, output);
        // Before the folder exists: without Slurm nothing should be left behind.
        client.EnsureAvailable();
        setup.Folder.Prepare(setup.FileText, resume: false);
        return SubmitAndReport(setup, options, client);
    }

    public static int Resume(string fileOrFolder, SlurmOptions options, ISlurmClient client)
    {
        var setup = SweepSetup.Load(fileOrFolder, null);
        client.EnsureAvailable();
        setup.Folder.Prepare(setup.FileText, resume: true);
        return SubmitAndReport(setup, options, client);
    }

    public static int Status(string folderPath, ISlurmClient client, TextWriter stdout)
    {
        var setup = SweepSetup.LoadFolder(folderPath, "--status");
        var (plan, folder) = (setup.Plan, setup.Folder);
        var layout = new SlurmLayout(folder.Directory);
        var jobs = SlurmJobs.TryRead(layout.JobsPath);
        IReadOnlyList<SlurmTask>? queue = null;
        string? queueError = null;
        if (jobs is not null)
        {
            try
            {
                queue = client.Queue();
            }
            catch (UserInputException e)
            {
                queueError = e.Message;
            }
        }

        var status = SweepStatus.Of(plan.Runs, r => folder.Completed(r) is not null, jobs, queue);
        var unknown = queueError is null ? "" : string.Create(CultureInfo.InvariantCulture, $", {status.Count(RunState.Unknown)} unknown");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep {plan.Config.Name} ({folder.Directory}): {plan.Runs.Count} runs: {status.Count(RunState.Done)} done, {status.Count(RunState.Running)} running, {status.Count(RunState.Queued)} queued, {status.Count(RunState.Failed)} failed, {status.Count(RunState.NotSubmitted)} not submitted{unknown}"));
        if (queueError is not null) stdout.WriteLine($"squeue could not be asked ({queueError}); runs submitted but not done are counted as unknown");
        if (jobs is not null)
        {
            stdout.WriteLine("submissions: " + string.Join("; ", jobs.Submissions.Select(s =>
                $"array job {s.ArrayJob} (tasks {SbatchScript.ArraySpec(s.Tasks)} of {jobs.Shards} shards{(layout.AnyTaskSeen(s.ArrayJob) ? "" : ", no task started yet")}), merge job {s.MergeJob ?? "none"}")));
        }

        var failed = status.Runs.Where(r => r.State == RunState.Failed).Select(r => r.Run.Id).ToArray();
        if (failed.Length > 0)
        {
            stdout.WriteLine($"failed: {string.Join(", ", failed.Take(10))}{(failed.Length > 10 ? ", ..." : "")}; resubmit them with: archgym sweep --resume --slurm {folder.Directory}");
            var hint = SweepShardCommand.NotSharedHint(folder, status.Count(RunState.Done));
            if (hint.Length > 0) stdout.WriteLine(hint.Trim().TrimEnd(';'));
        }

        stdout.WriteLine(File.Exists(folder.SweepCsvPath) ? $"merged: {folder.SweepCsvPath}" : "not merged yet (sweep.csv appears once every run is done and merged)");
        return ExitCodes.Ok;
    }

    /// <summary>The command that runs this archgym again on a node: the apphost, or dotnet and the archgym dll.</summary>
    public static IReadOnlyList<string> CurrentCommand()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of the running archgym is unknown");
        var entry = Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && !string.IsNullOrEmpty(entry) ? [process, entry] : [process];
    }

    private static int SubmitAndReport(SweepSetup setup, SlurmOptions options, ISlurmClient client)
    {
        var (plan, folder) = (setup.Plan, setup.Folder);
        var result = new SlurmSweep(client, CurrentCommand()).Submit(plan, folder, options);
        if (result.Submitted is { } s)
        {
            var runs = s.Tasks.Sum(t => new Shard(t, result.Shards).Select(folder.Pending()).Count);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"submitted {plan.Config.Name}: array job {s.ArrayJob} ({s.Tasks.Count} tasks of {result.Shards} shards, {runs} runs to do) and merge job {s.MergeJob} after it; " +
                $"scripts in {new SlurmLayout(folder.Directory).Directory}; follow with: archgym sweep --status {folder.Directory}"));
            return ExitCodes.Ok;
        }

        var waiting = result.Before.Count(RunState.Running) + result.Before.Count(RunState.Queued);
        if (waiting > 0)
        {
            Console.Out.WriteLine($"nothing to resubmit: {waiting} runs not done are in tasks still queued or running; see archgym sweep --status {folder.Directory}");
            return ExitCodes.Ok;
        }

        return SweepShardCommand.Merge(folder.Directory, quiet: true);
    }
}
