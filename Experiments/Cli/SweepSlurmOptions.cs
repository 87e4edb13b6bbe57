using System.CommandLine;
using ArchGym.Experiments.Runner.Slurm;

namespace ArchGym.Experiments.Cli;

/// <summary>The options of <c>archgym sweep</c> for shards, merging, status and Slurm, and which command they select.</summary>
public sealed class SweepSlurmOptions
{
    private readonly Option<bool> _slurm = new("--slurm") { Description = "Submit the sweep to Slurm as one job array plus a merge job (with --resume: resubmit missing or failed runs)." };
    private readonly Option<string?> _partition = new("--partition") { Description = "Slurm partition for the jobs (--slurm)." };
    private readonly Option<string?> _time = new("--time") { Description = "Time limit per array task, in sbatch's format, e.g. 2:00:00 (--slurm)." };
    private readonly Option<int?> _cpus = new("--cpus-per-task") { Description = "CPUs per array task, also its runs at once (--slurm; default 1)." };
    private readonly Option<int?> _maxParallel = new("--max-parallel") { Description = "At most this many array tasks at once (--slurm)." };
    private readonly Option<int?> _shards = new("--shards") { Description = "Array tasks to split the runs over (--slurm; default one per run, at most 1000)." };
    private readonly Option<string[]> _sbatchArgs = new("--sbatch-arg") { Description = "An extra sbatch option written into the scripts, e.g. --sbatch-arg=--mem=4G (repeatable; --slurm).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> _shard = new("--shard") { Description = "Run only shard i/n of the sweep (runs whose index % n == i) into a folder the shards share." };
    private readonly Option<string?> _merge = new("--merge") { Description = "Rebuild sweep.csv and lottery.csv of a sweep folder from its runs; refuses while a run is missing." };
    private readonly Option<string?> _status = new("--status") { Description = "Runs of a sweep folder done, running, queued, failed and not submitted (run folders plus squeue)." };

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { _slurm, _partition, _time, _cpus, _maxParallel, _shards, _sbatchArgs, _shard, _merge, _status }) cmd.Options.Add(o);
    }

    /// <summary>Runs the shard, merge, status or Slurm command the options select; null for a plain local sweep.</summary>
    public int? Dispatch(ParseResult pr, string? file, string? resume, string? output, int? parallelRuns, bool quiet)
    {
        var slurm = pr.GetValue(_slurm);
        var options = ReadSlurmOptions(pr);
        if (!slurm && (options with { SbatchArgs = null } != new SlurmOptions() || options.ExtraArgs.Count > 0))
            throw new UserInputException("--partition, --time, --cpus-per-task, --max-parallel, --shards and --sbatch-arg: only with --slurm");

        if (pr.GetValue(_status) is { } statusFolder)
        {
            Only("--status", file, resume, output, slurm, pr.GetValue(_shard), pr.GetValue(_merge));
            return SweepSlurmCommand.Status(statusFolder, new SlurmClient(), Console.Out);
        }

        if (pr.GetValue(_merge) is { } mergeFolder)
        {
            Only("--merge", file, resume, output, slurm, pr.GetValue(_shard), null);
            return SweepShardCommand.Merge(mergeFolder, quiet);
        }

        if (pr.GetValue(_shard) is { } shardText)
        {
            var shard = Shard.Parse(shardText, "--shard");
            if (slurm || resume is not null) throw new UserInputException("--shard: not with --slurm or --resume (a shard always runs only its runs not done yet)");
            if (file is null) throw new UserInputException("--shard: give the sweep file (or folder) too");
            using var ctrlC = new CtrlC();
            return SweepShardCommand.RunShard(file, output, shard, parallelRuns, quiet, ctrlC.Token);
        }

        if (!slurm) return null;
        if (parallelRuns is not null) throw new UserInputException("--parallel-runs: not with --slurm (each array task runs --cpus-per-task runs at once)");
        if (resume is not null)
        {
            if (output is not null) throw new UserInputException("--output: not with --resume --slurm (the sweep folder is the output)");
            return SweepSlurmCommand.Resume(resume, options, new SlurmClient());
        }

        if (file is null) throw new UserInputException("--slurm: give the sweep file (or --resume --slurm FOLDER)");
        return SweepSlurmCommand.Submit(file, output, options, new SlurmClient());
    }

    private SlurmOptions ReadSlurmOptions(ParseResult pr)
    {
        var cpus = pr.GetValue(_cpus);
        if (cpus is < 1 or > 4096) throw new UserInputException($"--cpus-per-task {cpus}: allowed: a whole number from 1 to 4096");
        var max = pr.GetValue(_maxParallel);
        if (max is < 1 or > 100_000) throw new UserInputException($"--max-parallel {max}: allowed: a whole number from 1 to 100000");
        var shards = pr.GetValue(_shards);
        if (shards is < 1 or > SlurmOptions.MaxShards) throw new UserInputException($"--shards {shards}: allowed: a whole number from 1 to {SlurmOptions.MaxShards}");
        var extra = pr.GetValue(_sbatchArgs) ?? [];
        foreach (var a in extra)
        {
            if (!a.StartsWith('-') || a.Any(char.IsControl))
                throw new UserInputException($"--sbatch-arg '{CliGuard.OneLine(a)}': allowed: one sbatch option starting with - (for example --sbatch-arg=--mem=4G)");
        }

        return new SlurmOptions(pr.GetValue(_partition), pr.GetValue(_time), cpus, max, shards, extra.Length > 0 ? extra : null);
    }

    private static void Only(string option, string? file, string? resume, string? output, bool slurm, string? shard, string? merge)
    {
        if (file is not null || resume is not null || output is not null || slurm || shard is not null || merge is not null)
            throw new UserInputException($"{option}: give only the sweep folder (no sweep file, --resume, --output, --slurm, --shard or --merge with it)");
    }
}
