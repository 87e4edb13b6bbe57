using System.CommandLine;
using System.Globalization;
using ArchGym.Experiments.Config;
using ArchGym.Experiments.Reports;
using ArchGym.Experiments.Runner;
using Spectre.Console;

namespace ArchGym.Experiments.Cli;

/// <summary>
/// <c>archgym sweep &lt;sweep.yaml&gt;</c> and <c>archgym sweep --resume &lt;sweep.yaml | folder&gt;</c>:
/// plan and check every run first, run the pending ones in parallel, then rebuild sweep.csv and
/// lottery.csv from the run folders. Shards, merging, status and Slurm: <see cref="SweepSlurmOptions"/>.
/// </summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("sweep") { Description = "Sweep YAML file (environments, workloads, agents with grid or sample, seeds, budget), or a sweep folder.", Arity = ArgumentArity.ZeroOrOne };
        var resume = new Option<string?>("--resume") { Description = "Continue a sweep: its YAML file or its output folder. Done runs are kept, the rest run (with --slurm: are resubmitted).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--output") { Description = "Sweep folder (overrides the file's output:)." };
        var parallel = new Option<int?>("--parallel-runs") { Description = "Runs at once (overrides the file's parallel_runs:)." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress display and no summary table." };
        var slurm = new SweepSlurmOptions();
        var cmd = new Command("sweep", "Run a sweep of experiments (grid or random sample of hyperparameters × seeds), resumable; locally, in shards, or on Slurm.") { file, resume, output, parallel, quiet };
        slurm.AddTo(cmd);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            var (f, r, o, p, q) = (pr.GetValue(file), pr.GetValue(resume), pr.GetValue(output), pr.GetValue(parallel), pr.GetValue(quiet));
            // "--resume --slurm FOLDER": --resume without a value continues the sweep named by the argument.
            if (pr.GetResult(resume) is not null && r is null)
            {
                if (f is null) throw new UserInputException("--resume: give the sweep file or folder to continue");
                (r, f) = (f, null);
            }

            return slurm.Dispatch(pr, f, r, o, p, q) ?? Run(f, r, o, p, q);
        }));
        return cmd;
    }

    public static int Run(string? file, string? resume, string? output, int? parallelRuns, bool quiet)
    {
        if ((file is null) == (resume is null)) throw new UserInputException("sweep: give a sweep file, or --resume with a sweep file or folder (not both)");
        var (text, registries, plan, folder) = SweepSetup.Load(resume ?? file!, output, parallelRuns);
        folder.Prepare(text, resume is not null);

        using var ctrlC = new CtrlC();
        var outcome = Execute(registries, plan, folder, quiet, ctrlC.Token);
        if (outcome.AllDone && folder.TryWriteResults(out _, out var lottery))
        {
            if (!quiet) SweepSummary.WriteLottery(AnsiConsole.Console, outcome, lottery, folder);
            return ExitCodes.Ok;
        }

        SweepSummary.WriteUnfinished(Console.Error, outcome, folder);
        return outcome.Cancelled ? ExitCodes.Cancelled : ExitCodes.InternalError;
    }

    private static SweepOutcome Execute(DefaultRegistries registries, SweepPlan plan, SweepFolder folder, bool quiet, CancellationToken ct)
    {
        var runner = new SweepRunner(registries);
        var console = AnsiConsole.Console;
        var pending = folder.Pending();
        if (quiet) return runner.Run(plan, folder, pending, null, ct);
        if (console.Profile.Capabilities.Interactive)
        {
            return console.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape($"{plan.Config.Name}: {plan.Runs.Count} runs"), maxValue: plan.Runs.Count);
                    task.Increment(plan.Runs.Count - pending.Count);
                    return runner.Run(plan, folder, pending, (_, _) => task.Increment(1), ct);
                });
        }

        var total = plan.Runs.Count;
        var ended = total - pending.Count;
        var nextTenth = 1;
        var gate = new object();
        Console.Out.WriteLine($"{plan.Config.Name}: {total} runs, {ended} already done, {plan.Config.ParallelRuns} at a time");
        return runner.Run(plan, folder, pending, (_, _) =>
        {
            lock (gate)
            {
                ended++;
                if (ended * 10 < (long)nextTenth * total) return;
                while (ended * 10 >= (long)nextTenth * total) nextTenth++;
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{100 * ended / total,3}%] {ended}/{total} runs"));
            }
        }, ct);
    }
}
