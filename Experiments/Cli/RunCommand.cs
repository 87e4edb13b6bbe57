using System.CommandLine;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Experiments.Config;
using ArchGym.Experiments.Reports;
using ArchGym.Experiments.Runner;
using Spectre.Console;

namespace ArchGym.Experiments.Cli;

/// <summary><c>archgym run &lt;experiment.yaml&gt;</c>: one experiment, with a progress bar and a summary table.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("experiment") { Description = "Experiment YAML file (env, agent, budget, seed, output)." };
        var output = new Option<string?>("--output") { Description = "Run folder (overrides the file's output:)." };
        var seed = new Option<int?>("--seed") { Description = "Seed (overrides the file's seed:)." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress display and no summary table." };
        var cmd = new Command("run", "Run one experiment from a YAML file.") { file, output, seed, quiet };
        cmd.SetAction(pr => CliGuard.Run(() => Run(pr.GetValue(file)!, pr.GetValue(output), pr.GetValue(seed), pr.GetValue(quiet))));
        return cmd;
    }

    public static int Run(string file, string? output, int? seed, bool quiet)
    {
        var config = ExperimentConfigLoader.Load(file);
        if (output is not null) config = config with { OutputDirectory = output };
        if (seed is { } s)
        {
            if (s < 0) throw new UserInputException($"--seed {s}: allowed: a whole number >= 0");
            config = config with { Seed = s };
        }

        using var ctrlC = new CtrlC();
        var runner = new ExperimentRunner(DefaultRegistries.Create());
        RunOutcome outcome;
        var console = AnsiConsole.Console;
        if (quiet)
        {
            outcome = runner.Run(config, null, ctrlC.Token);
        }
        else if (console.Profile.Capabilities.Interactive)
        {
            outcome = console.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    IObserver<Evaluation> Observer(int budget) =>
                        new ProgressObserver(ctx.AddTask(Markup.Escape(config.Name), maxValue: budget), config.Name);
                    return runner.Run(config, Observer, ctrlC.Token);
                });
        }
        else
        {
            outcome = runner.Run(config, budget => new MilestoneObserver(Console.Out, budget), ctrlC.Token);
        }

        if (!quiet) RunSummary.Write(console, outcome);
        return outcome.Cancelled ? ExitCodes.Cancelled : ExitCodes.Ok;
    }
}
