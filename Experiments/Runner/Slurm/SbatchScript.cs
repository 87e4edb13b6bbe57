using System.Globalization;
using System.Text;
using ArchGym.Experiments.Cli;

namespace ArchGym.Experiments.Runner.Slurm;

/// <summary>
/// The two batch scripts of a Slurm sweep, written into <c>FOLDER/slurm/</c> so users can read and
/// resubmit them: the array (task <c>i</c> runs shard <c>i/n</c> of the sweep into the folder) and the
/// merge job that runs after it and rebuilds sweep.csv and lottery.csv. Both first check that the
/// node sees the folder's probe file, the sign of a shared file system.
/// </summary>
public static class SbatchScript
{
    public const string ArrayFile = "array.sbatch";
    public const string MergeFile = "merge.sbatch";

    /// <summary>The script of an array with the given task indices (shards of <paramref name="shardCount"/>).</summary>
    public static string Array(SlurmLayout layout, string sweepName, IReadOnlyList<string> archgym, int shardCount, IReadOnlyCollection<int> tasks, SlurmOptions options)
    {
        var cpus = options.CpusPerTask ?? 1;
        var throttle = options.MaxParallel is { } k ? string.Create(CultureInfo.InvariantCulture, $"%{k}") : "";
        var b = Header(sweepName, $"array of {tasks.Count} tasks; task i runs shard i/{shardCount} (the runs whose index % {shardCount} == i)");
        Directive(b, $"--job-name=archgym-{JobName(sweepName)}");
        Directive(b, $"--array={ArraySpec(tasks)}{throttle}");
        Directive(b, $"--output={Path.Combine(layout.LogsDirectory, "array-%A_%a.out")}");
        Directive(b, string.Create(CultureInfo.InvariantCulture, $"--cpus-per-task={cpus}"));
        Common(b, options);
        Body(b, layout);
        b.Append("touch \"$folder/slurm/seen/${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"\n");
        b.Append("exec ").Append(string.Join(' ', archgym.Select(Quote)))
            .Append(" sweep \"$folder/sweep.yaml\" --output \"$folder\" --shard \"${SLURM_ARRAY_TASK_ID}/")
            .Append(shardCount.ToString(CultureInfo.InvariantCulture)).Append("\" --parallel-runs ")
            .Append(cpus.ToString(CultureInfo.InvariantCulture)).Append(" --quiet\n");
        return b.ToString();
    }

    /// <summary>The script of the merge job, started once every listed job has ended (whatever its outcome).</summary>
    public static string Merge(SlurmLayout layout, string sweepName, IReadOnlyList<string> archgym, IReadOnlyCollection<string> afterJobs, SlurmOptions options)
    {
        var b = Header(sweepName, "merge: rebuilds sweep.csv and lottery.csv once the array has ended; refuses while a run is missing");
        Directive(b, $"--job-name=archgym-{JobName(sweepName)}-merge");
        Directive(b, $"--dependency=afterany:{string.Join(':', afterJobs)}");
        Directive(b, $"--output={Path.Combine(layout.LogsDirectory, "merge-%j.out")}");
        Directive(b, "--cpus-per-task=1");
        Common(b, options);
        Body(b, layout);
        b.Append("exec ").Append(string.Join(' ', archgym.Select(Quote))).Append(" sweep --merge \"$folder\" --quiet\n");
        return b.ToString();
    }

    /// <summary>Slurm's compact list of task indices: <c>0-3,7,9-10</c>.</summary>
    public static string ArraySpec(IEnumerable<int> tasks)
    {
        var sorted = tasks.Distinct().Order().ToArray();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j + 1 < sorted.Length && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(i == j ? Num(sorted[i]) : $"{Num(sorted[i])}-{Num(sorted[j])}");
            i = j + 1;
        }

        return string.Join(',', parts);
    }

    /// <summary>A word for the shell in single quotes (a quote inside becomes <c>'\''</c>).</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static StringBuilder Header(string sweepName, string what) =>
        new StringBuilder("#!/bin/bash\n")
            .Append("# archgym sweep '").Append(sweepName.Replace('\n', ' ')).Append("' on Slurm: ").Append(what).Append(".\n")
            .Append("# Written by archgym sweep --slurm; submit again with: sbatch <this file>\n");

    private static void Common(StringBuilder b, SlurmOptions options)
    {
        if (options.Partition is { } p) Directive(b, $"--partition={p}");
        if (options.Time is { } t) Directive(b, $"--time={t}");
        foreach (var extra in options.ExtraArgs) Directive(b, extra);
    }

    private static void Body(StringBuilder b, SlurmLayout layout)
    {
        b.Append("set -euo pipefail\n")
            .Append("folder=").Append(Quote(layout.SweepDirectory)).Append('\n')
            .Append("# The sweep folder must be on a file system this node shares with the machine that submitted the sweep.\n")
            .Append("if [ \"$(cat \"$folder/slurm/probe\" 2>/dev/null)\" != ").Append(Quote(layout.ReadProbe())).Append(" ]; then\n")
            .Append("  echo \"archgym: sweep folder $folder is not shared with node $(hostname) (slurm/probe missing or different); put it on a shared file system\" >&2\n")
            .Append("  exit 2\n")
            .Append("fi\n");
    }

    private static void Directive(StringBuilder b, string option)
    {
        if (option.Length == 0 || option[0] != '-' || option.Any(char.IsControl))
            throw new UserInputException($"--sbatch-arg '{CliGuard.OneLine(option)}': allowed: one sbatch option starting with - (for example --mem=4G)");
        b.Append("#SBATCH ").Append(option).Append('\n');
    }

    private static string JobName(string sweepName) => new(sweepName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());

    private static string Num(int i) => i.ToString(CultureInfo.InvariantCulture);
}
