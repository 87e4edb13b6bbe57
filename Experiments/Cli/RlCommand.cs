using System.CommandLine;
using System.Globalization;
using ArchGym.Agents.Core;
using ArchGym.Agents.Reinforcement;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Soc;
using ArchGym.Experiments.Runner.Scheduling;
using Spectre.Console;

namespace ArchGym.Experiments.Cli;

/// <summary>
/// <c>archgym rl soc-sched</c>: train PPO as a run-time scheduler on <c>soc-sched-v0</c> and compare its greedy
/// policy with HEFT_RT, ETF, MET and simple orderings on fresh job streams (the DeepSoCS comparison).
/// </summary>
public static class RlCommand
{
    public static Command Create()
    {
        var rl = new Command("rl", "Train reinforcement-learning agents on sequential environments.");
        var steps = new Option<int>("--steps") { Description = "Training decisions.", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the policy and of the training job streams (seed, seed+1, ...).", DefaultValueFactory = _ => 0 };
        var evalSeeds = new Option<int>("--eval-episodes") { Description = "Evaluation job streams (seeds 1000, 1001, ...), the same for every scheduler.", DefaultValueFactory = _ => 5 };
        var options = new Option<string[]>("--option") { Description = "soc-sched-v0 option key=value (soc, jobs, mean_interarrival_us, sim_length_us, max_ready_tasks, ...).", AllowMultipleArgumentsPerToken = true };
        var hp = new Option<string[]>("--hp") { Description = "PPO hyperparameter key=value (learning_rate, batch, minibatch, ...).", AllowMultipleArgumentsPerToken = true };
        var sched = new Command("soc-sched", "Train PPO on soc-sched-v0 and compare it with HEFT_RT, ETF and MET.") { steps, seed, evalSeeds, options, hp };
        sched.SetAction(pr => CliGuard.Run(() => Run(pr.GetValue(steps), pr.GetValue(seed), pr.GetValue(evalSeeds),
            pr.GetValue(options) ?? [], pr.GetValue(hp) ?? [])));
        rl.Subcommands.Add(sched);
        return rl;
    }

    private static int Run(int steps, int seed, int evalEpisodes, string[] options, string[] hp)
    {
        if (steps < 1) throw new UserInputException($"--steps {steps}: allowed: a whole number >= 1");
        if (evalEpisodes is < 1 or > 1000) throw new UserInputException($"--eval-episodes {evalEpisodes}: allowed: 1 to 1000");
        var envOptions = new EnvironmentOptions(Pairs(options, "--option"));
        SocSchedulingSettings settings;
        PpoSettings ppo;
        try
        {
            settings = SocSchedulingSettings.FromOptions(envOptions);
            ppo = PpoSettings.From(HyperParameters.Parse("ppo", new ParameterSpace(PpoSettings.DeclaredParameters), PpoSettings.DefaultValues, Pairs(hp, "--hp")));
        }
        catch (ArgumentException e)
        {
            throw new UserInputException(e.Message, e);
        }

        var unused = envOptions.Unused();
        if (unused.Count > 0)
            throw new UserInputException($"--option {unused[0]}: unknown option for {SocSchedulingEnvironment.Id}; allowed: {string.Join(", ", SocSchedulingSettings.OptionSpecs().Select(o => o.Name))}");
        var seeds = Enumerable.Range(1000, evalEpisodes).ToArray();
        var scores = new SchedulerComparison(settings, ppo).Run(steps, seed, seeds);
        var table = new Table().AddColumns("scheduler", "mean job latency (us)", "mean return (-job-ms)", "completed jobs");
        foreach (var s in scores)
            table.AddRow(Markup.Escape(s.Scheduler), F(s.MeanJobLatencyUs), double.IsNaN(s.MeanReturn) ? "" : F(s.MeanReturn), F(s.MeanCompletedJobs));
        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }

    private static Dictionary<string, string> Pairs(string[] items, string option)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var eq = item.IndexOf('=');
            if (eq <= 0) throw new UserInputException($"{option} {item}: expected key=value");
            result[item[..eq].Trim()] = item[(eq + 1)..].Trim();
        }

        return result;
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
