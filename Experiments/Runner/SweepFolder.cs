using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Config;
using ArchGym.Experiments.Reports;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// The layout of a sweep folder: <c>sweep.yaml</c> (the copy <c>--resume</c> reads), <c>runs/ID/</c>
/// (one run folder each, as <c>archgym run</c> writes it), <c>sweep.log</c> (shards: <c>logs/shard-I-of-N.log</c>;
/// Slurm submissions: <c>slurm/</c>), and, once every run is done, <c>sweep.csv</c> and <c>lottery.csv</c>. A run is done exactly when its <c>run.json</c>
/// (written last, atomically) says complete; anything else in its folder is redone from scratch.
/// </summary>
public sealed class SweepFolder(SweepPlan plan)
{
    public const string LogFile = "sweep.log";

    public string Directory => plan.OutputDirectory;

    public string SnapshotPath => Path.Combine(Directory, SweepConfigLoader.SnapshotFile);

    public string SweepCsvPath => Path.Combine(Directory, SweepTable.FileName);

    public string LotteryCsvPath => Path.Combine(Directory, LotteryTable.FileName);

    /// <summary>
    /// Creates the folder and keeps a copy of the sweep file in it. A folder that already holds a
    /// sweep is only continued with <paramref name="resume"/>; the results of a previous pass are
    /// removed, since they are rebuilt from the run folders at the end.
    /// </summary>
    public void Prepare(string sweepFileText, bool resume)
    {
        try
        {
            if (File.Exists(Directory)) throw new UserInputException($"output {Directory}: is a file, expected a folder");
            if (!resume && File.Exists(SnapshotPath))
            {
                throw new UserInputException(
                    $"output {Directory}: already holds a sweep; continue it with archgym sweep --resume {Directory}, or choose another output (--output)");
            }

            System.IO.Directory.CreateDirectory(Path.Combine(Directory, SweepPlan.RunsFolder));
            if (!File.Exists(SnapshotPath) || File.ReadAllText(SnapshotPath) != sweepFileText) AtomicFile.Write(SnapshotPath, w => w.Write(sweepFileText));
            DeleteResults();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"output {Directory}: cannot write there ({e.Message})", e);
        }
    }

    /// <summary>
    /// Creates the folder for one shard of the sweep (<c>--shard i/n</c>): shards of one sweep share it,
    /// so a folder holding the same sweep file is joined, one holding another sweep is refused, and
    /// the results are left alone (the merge rebuilds them).
    /// </summary>
    public void PrepareShard(string sweepFileText)
    {
        try
        {
            if (File.Exists(Directory)) throw new UserInputException($"output {Directory}: is a file, expected a folder");
            if (File.Exists(SnapshotPath) && File.ReadAllText(SnapshotPath) != sweepFileText)
                throw new UserInputException($"output {Directory}: holds a different sweep (its {SweepConfigLoader.SnapshotFile} differs); shards of one sweep need the same file");
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, SweepPlan.RunsFolder));
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, "logs"));
            if (!File.Exists(SnapshotPath)) AtomicFile.Write(SnapshotPath, w => w.Write(sweepFileText));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"output {Directory}: cannot write there ({e.Message})", e);
        }
    }

    /// <summary>Removes sweep.csv and lottery.csv (sweep.csv first: while it exists the results count as complete).</summary>
    public void DeleteResults()
    {
        File.Delete(SweepCsvPath);
        File.Delete(LotteryCsvPath);
    }

    public RunRecord? Completed(SweepRun run) => RunRecord.TryRead(plan.RunDirectory(run));

    /// <summary>The planned runs whose folders do not hold a complete run, in sweep order.</summary>
    public IReadOnlyList<SweepRun> Pending() => plan.Runs.Where(r => Completed(r) is null).ToArray();

    /// <summary>Writes <c>sweep.csv</c> and <c>lottery.csv</c> (each atomically) from the run folders; false when a run is not done.</summary>
    public bool TryWriteResults(out IReadOnlyList<RunRecord> records, out IReadOnlyList<LotteryRow> lottery)
    {
        var found = plan.Runs.Select(Completed).ToArray();
        records = found.OfType<RunRecord>().ToArray();
        lottery = [];
        if (records.Count != plan.Runs.Count) return false;
        var all = records;
        var rows = LotteryAnalysis.Compute(all);
        lottery = rows;
        // sweep.csv last: once it exists, the sweep's results are complete.
        AtomicFile.Write(LotteryCsvPath, w => LotteryTable.Write(w, rows));
        AtomicFile.Write(SweepCsvPath, w => SweepTable.Write(w, all));
        return true;
    }
}
