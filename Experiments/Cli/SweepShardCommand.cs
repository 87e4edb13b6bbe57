using System.Globalization;
using ArchGym.Experiments.Reports;
using ArchGym.Experiments.Runner;
using ArchGym.Experiments.Runner.Slurm;
using Spectre.Console;

namespace ArchGym.Experiments.Cli;

/// <summary>
/// <c>archgym sweep FILE --shard i/n</c> (run one shard's pending runs into a folder shared by all
/// shards; a Slurm array task, or any machine on a shared file system) and <c>archgym sweep --merge
/// FOLDER</c> (rebuild sweep.csv and lottery.csv, refusing while any run is missing).
/// </summary>
public static class SweepShardCommand
{
    public static int RunShard(string fileOrFolder, string? output, Shard shard, int? parallelRuns, bool quiet, CancellationToken ct)
    {
        var setup = SweepSetup.Load(fileOrFolder, output, parallelRuns);
        var (plan, folder) = (setup.Plan, setup.Folder);
        folder.PrepareShard(setup.FileText);
        var mine = shard.Select(plan.Runs);
        var pending = shard.Select(folder.Pending());
        var log = Path.Combine("logs", string.Create(CultureInfo.InvariantCulture, $"shard-{shard.Index}-of-{shard.Count}.log"));
        var outcome = new SweepRunner(setup.Registries).Run(plan, folder, pending, null, ct, log);
        var sweepDone = plan.Runs.Count - folder.Pending().Count;
        if (!quiet || outcome.Failed.Count > 0 || outcome.Cancelled)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"shard {shard}: {mine.Count} runs, {mine.Count - pending.Count} done before, {outcome.Finished} now, {outcome.Failed.Count} failed; {sweepDone} of {plan.Runs.Count} runs of the sweep done"));
        }

        foreach (var (run, error) in outcome.Failed.Take(5)) Console.Error.WriteLine($"archgym: run {run.Id} failed: {CliGuard.OneLine(error)} (see {Path.Combine(folder.Directory, log)})");
        if (outcome.Cancelled) return ExitCodes.Cancelled;
        if (outcome.Failed.Count > 0) return ExitCodes.InternalError;
        if (!quiet && sweepDone == plan.Runs.Count) Console.Out.WriteLine($"every run is done; merge with: archgym sweep --merge {folder.Directory}");
        return ExitCodes.Ok;
    }

    public static int Merge(string folderPath, bool quiet)
    {
        var setup = SweepSetup.LoadFolder(folderPath, "--merge");
        var (plan, folder) = (setup.Plan, setup.Folder);
        if (!folder.TryWriteResults(out var records, out var lottery))
        {
            // A stale sweep.csv must not pass for the results of runs that are now missing.
            folder.DeleteResults();
            var missing = plan.Runs.Where(r => folder.Completed(r) is null).ToArray();
            throw new UserInputException(
                $"merge {folder.Directory}: {missing.Length} of {plan.Runs.Count} runs are not done (first: {missing[0].Id}); sweep.csv and lottery.csv not written;" +
                NotSharedHint(folder, records.Count) +
                $" see archgym sweep --status {folder.Directory}; continue with archgym sweep --resume [--slurm] {folder.Directory}");
        }

        if (!quiet) SweepSummary.WriteLotteryTable(AnsiConsole.Console, lottery);
        Console.Out.WriteLine($"merged {records.Count} runs: {folder.SweepCsvPath}, {folder.LotteryCsvPath}");
        return ExitCodes.Ok;
    }

    /// <summary>When no run is done and no array task ever left its mark, the likeliest cause is a folder the compute nodes cannot see.</summary>
    public static string NotSharedHint(SweepFolder folder, int doneRuns)
    {
        var layout = new SlurmLayout(folder.Directory);
        var jobs = SlurmJobs.TryRead(layout.JobsPath);
        if (doneRuns > 0 || jobs is null || jobs.Submissions.Count == 0 || jobs.Submissions.Any(s => layout.AnyTaskSeen(s.ArrayJob))) return "";
        return $" no array task left its mark in {layout.SeenDirectory}: if the tasks have ended, the folder is probably not on a file system shared with the compute nodes;";
    }
}
