using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ArchGym.Environments.Soc;
using ArchGym.Experiments.Runner;
using ArchGym.Simulators.Pim;
using ArchGym.Simulators.Pim.Devices;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Scheduling;
using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Workloads.Dnn;
using ArchGym.Simulators.Workloads.Gpt;
using Spectre.Console;

namespace ArchGym.Experiments.Cli;

/// <summary>
/// <c>archgym bench</c>: throughput of the simulators (systolic ResNet-50, PIM GPT-2 generation) and of the whole gym
/// stack (systolic-v0, pim-v0) on this machine, and DRAM requests/s and dram-v0 evaluations/s (<see cref="DramBench"/>).
/// Each case runs repeatedly for at least a minimum time after a warm-up and reports the mean.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { Description = "Minimum measuring time per case.", DefaultValueFactory = _ => 1.0 };
        var cmd = new Command("bench", "Measure simulator and environment throughput (layers/s, tokens/s, simulated jobs/s, evaluations/s).") { seconds };
        cmd.SetAction(pr => CliGuard.Run(() => Run(pr.GetValue(seconds))));
        return cmd;
    }

    private static int Run(double seconds)
    {
        if (seconds is <= 0 or > 600) throw new UserInputException($"--seconds {seconds}: allowed: more than 0 and at most 600");
        var table = new Table().AddColumns("case", "per call", "calls/s", "detail");
        var sim = new SystolicSimulator();
        var resnet50 = DnnCatalog.Get("resnet50");
        foreach (var (name, config) in SystolicCases())
        {
            var report = sim.Run(config, resnet50);
            var (perCall, perSecond) = Measure(() => sim.Run(config, resnet50), seconds);
            table.AddRow(Markup.Escape($"systolic {name}: ResNet-50 ({resnet50.Layers.Count} layers)"), Ms(perCall),
                F(perSecond), Markup.Escape($"{F(perSecond * resnet50.Layers.Count)} layers/s, {report.TotalCycles:N0} cycles, {report.StallCycles:N0} stall"));
        }

        foreach (var parallelism in new[] { 1, Environment.ProcessorCount })
        {
            var (evals, wall) = StackBench.RunSystolicStack(parallelism, seconds);
            table.AddRow(Markup.Escape($"systolic-v0 stack (random search, CSV, cache off), {parallelism} worker(s)"),
                Ms(wall / evals), F(evals / wall), "ResNet-18 workload, random design points");
        }

        foreach (var parallelRuns in new[] { 1, Environment.ProcessorCount })
        {
            SweepBench.Run(20, parallelRuns);
            var (runs, wall) = SweepBench.Run(Math.Max(50, (int)(seconds * 400)), parallelRuns);
            table.AddRow(Markup.Escape($"sweep machinery: {runs} one-evaluation synthetic-v0 runs, {parallelRuns} at a time"),
                Ms(wall / runs), F(runs / wall), "per run: plan, folder, log, dataset, run.json, done-check, sweep.csv and lottery.csv");
        }

        AddPimCases(table, seconds);
        AddSocCases(table, seconds);
        foreach (var (name, perCall, perSecond, detail) in DramBench.Cases(seconds))
            table.AddRow(Markup.Escape(name), Ms(perCall), F(perSecond), Markup.Escape(detail));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]Reference: SCALE-Sim v2 takes 141.7 s for ResNet-50 on 128x128 ws (calc) on a 2-core machine (shared/reference/scalesim/README.md).[/]");
        return ExitCodes.Ok;
    }

    // Simulated tokens per wall second for GPT-2 small, one 64 + 64-token GPT-2-XL run, and pim-v0 evaluations/s.
    private static void AddPimCases(Table table, double seconds)
    {
        var sim = new PimSimulator();
        foreach (var device in new[] { PimDeviceCatalog.Gddr6Aim, PimDeviceCatalog.Hbm2Pim })
        {
            var config = new PimConfig(Device: device);
            foreach (var workload in new[] { GptWorkload.Of("gpt2-small"), GptWorkload.Of("gpt2-xl") })
            {
                var report = sim.Run(config, workload);
                var (perCall, perSecond) = Measure(() => sim.Run(config, workload), seconds);
                var steps = workload.PromptTokens + workload.GeneratedTokens;
                table.AddRow(Markup.Escape($"pim {device}: {workload.Model.Name} {workload.PromptTokens}+{workload.GeneratedTokens} tokens"), Ms(perCall), F(perSecond),
                    Markup.Escape($"{F(workload.GeneratedTokens * perSecond)} generated tokens/s ({F(steps * perSecond)} steps/s); model {report.LatencyPerTokenUs:F1} µs/token, {report.SpeedupVsGpu:F1}x T4"));
            }
        }

        foreach (var parallelism in new[] { 1, Environment.ProcessorCount })
        {
            var (evals, wall) = StackBench.RunPimStack(parallelism, seconds);
            table.AddRow(Markup.Escape($"pim-v0 stack (random search, CSV, cache off), {parallelism} worker(s)"),
                Ms(wall / evals), F(evals / wall), "gpt2-small 64+64 tokens, random design points (infeasible ones included)");
        }
    }

    private static void AddSocCases(Table table, double seconds)
    {
        var sim = new SocSimulator();
        foreach (var kind in new[] { SchedulerKind.Etf, SchedulerKind.HeftRt })
        {
            var config = SocBench.StandardRun(kind);
            var jobs = sim.Run(config, SocBench.WifiMix).CompletedJobs;
            var (perCall, perSecond) = Measure(() => sim.Run(config, SocBench.WifiMix), seconds);
            table.AddRow(Markup.Escape($"soc {SchedulerFactory.Names[(int)kind]}: DASH SoC, WiFi TX/RX 0.8/0.2, 200 ms"), Ms(perCall), F(perSecond),
                Markup.Escape($"{F(perSecond * jobs)} simulated jobs/s ({jobs} jobs per call)"));
        }

        var (evals, wall) = StackBench.RunStack(SocEnvironment.Id, new Dictionary<string, string>(), 1, seconds);
        table.AddRow(Markup.Escape("soc-v0 stack (random search, CSV, cache off), 1 worker"), Ms(wall / evals), F(evals / wall),
            "DS3 sample run (50 ms, 10 ms warm-up), random design points");
        var (decisions, decisionWall) = SocBench.SchedulingDecisions(seconds);
        table.AddRow(Markup.Escape("soc-sched-v0 steps (upward-rank baseline)"), Ms(decisionWall / decisions), F(decisions / decisionWall),
            "decisions/s over whole 20 ms episodes, features included");
    }

    private static IEnumerable<(string Name, SystolicConfig Config)> SystolicCases()
    {
        // SCALE-Sim's timing configs: 128x128, SRAM 512/512/256 kB, CALC bandwidth.
        yield return ("128x128 ws calc", new SystolicConfig(128, 128, Dataflow.WeightStationary, 512, 512, 256));
        yield return ("128x128 os calc", new SystolicConfig(128, 128, Dataflow.OutputStationary, 512, 512, 256));
        yield return ("128x128 is calc", new SystolicConfig(128, 128, Dataflow.InputStationary, 512, 512, 256));
        yield return ("32x32 ws user bw10 64kB", new SystolicConfig(32, 32, Dataflow.WeightStationary, 64, 64, 64, BandwidthMode.User, 10));
    }

    /// <summary>Mean seconds per call and calls per second, after one warm-up call.</summary>
    public static (double SecondsPerCall, double CallsPerSecond) Measure(Action call, double minSeconds)
    {
        call();
        var sw = Stopwatch.StartNew();
        long n = 0;
        do
        {
            call();
            n++;
        }
        while (sw.Elapsed.TotalSeconds < minSeconds);
        var s = sw.Elapsed.TotalSeconds;
        return (s / n, n / s);
    }

    private static string Ms(double seconds) => seconds >= 1e-3
        ? (seconds * 1e3).ToString("0.###", CultureInfo.InvariantCulture) + " ms"
        : (seconds * 1e6).ToString("0.###", CultureInfo.InvariantCulture) + " µs";

    private static string F(double v) => v.ToString("N1", CultureInfo.InvariantCulture);
}
