using System.CommandLine;
using ArchGym.Experiments.Config;
using ArchGym.Experiments.Runner;

namespace ArchGym.Experiments.Cli;

/// <summary><c>archgym proxy study &lt;study.yaml&gt;</c>: collect, train every model per target, measure accuracy and speed-up, search on the proxy, check on the simulator.</summary>
public static class ProxyStudyCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("study") { Description = "Proxy study YAML (env, collect, targets, models, search, output)." };
        var output = new Option<string?>("--output") { Description = "Study folder (overrides the file's output:)." };
        var cmd = new Command("study", "Collect datasets, train and measure every proxy model per target, then search on the proxy.") { file, output };
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            var config = ProxyStudyConfigLoader.Load(pr.GetValue(file)!);
            if (pr.GetValue(output) is { } o) config = config with { OutputDirectory = o };
            using var ctrlC = new CtrlC();
            var study = new ProxyStudy(DefaultRegistries.Create(), Console.Out).Run(config, ctrlC.Token);
            Console.WriteLine($"per evaluation ({string.Join(", ", study.ChosenModels.Select(c => $"{c.Key}: {c.Value}"))}{(study.FeasibilityModel is null ? "" : ", feasibility: rf")}): " +
                $"{study.MicrosecondsPerEvaluation:0.###} us vs {study.MillisecondsPerSimulation:0.###} ms simulated = {study.SpeedupPerEvaluation:0}x; " +
                $"results in {Path.Combine(config.OutputDirectory, ProxyStudyResult.FileName)}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
