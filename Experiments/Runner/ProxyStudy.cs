using System.Globalization;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Wrappers;
using ArchGym.Proxies.Environment;
using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Config;
using ArchGym.Proxies.Data;
using ArchGym.Proxies.Models;
using ArchGym.Proxies.Validation;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// Runs a proxy study: (1) collect datasets with each agent and seed (ordinary runs under
/// <c>collect/</c>; a run whose run.json says complete is kept, so a rerun resumes), (2) train every
/// model per target on one seeded split, saving <c>models/</c> and <c>predictions/</c> (and a small feasibility
/// forest when the data holds rejected designs; its prediction time counts per evaluation), (3) time the
/// simulator on test points (no cache) against each model, (4) search on the proxy made of the most
/// accurate model per target (<c>search/</c>) and step the chosen design on the real simulator.
/// </summary>
public sealed class ProxyStudy(DefaultRegistries registries, TextWriter log)
{
    public ProxyStudyResult Run(ProxyStudyConfig config, CancellationToken ct)
    {
        var dir = Path.GetFullPath(config.OutputDirectory);
        Directory.CreateDirectory(dir);
        var options = RunSetup.EnvironmentOptions(config.Environment);
        var collectConfigs = config.Collect.SelectMany(c => c.Seeds.Select(seed => Experiment(config, $"collect-{c.Agent}-s{seed}",
            new AgentSection(c.Agent, c.HyperParameters), c.Budget, c.BatchSize, seed, Path.Combine(dir, "collect", $"{c.Agent}-s{seed}")))).ToArray();
        if (collectConfigs.GroupBy(c => c.OutputDirectory).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new UserInputException($"{config.SourceFile}: collect: {twice.First().Agent.Name} seed {twice.First().Seed} appears twice (one run folder each); give other seeds");
        using (var probe = RunSetup.MakeEnvironment(registries.Environments, collectConfigs[0], options))
        {
            foreach (var t in config.Targets)
            {
                if (!probe.Metrics.Any(m => m.Name == t))
                    throw new UserInputException($"{config.SourceFile}: targets: '{t}' is not a metric of {probe.Name}; allowed: {string.Join(", ", probe.Metrics.Select(m => m.Name))}");
            }

            foreach (var c in collectConfigs) RunSetup.MakeAgent(registries.Agents, c, probe);
            foreach (var m in config.Models)
            {
                try
                {
                    ProxyLearners.Create(m.Kind, m.HyperParameters);
                }
                catch (ArgumentException e)
                {
                    throw new UserInputException($"{config.SourceFile}: models.{m.Kind}: {e.Message}", e);
                }
            }

            if (config.Search is not null && EnvironmentWrapper.Find<EnvironmentBase>(probe) is { } task
                && ProxyEnvironment.CheckTaskNeeds(task.Task, probe.Metrics, config.Targets) is { } problem)
                throw new UserInputException($"{config.SourceFile}: search: {problem}");
            if (config.Search is { } s) RunSetup.MakeAgent(registries.Agents, Experiment(config, "search", s.Agent, s.Budget, s.BatchSize, config.Seed, dir), probe);
        }

        var runner = new ExperimentRunner(registries);
        var datasets = new List<string>();
        var bestCollected = double.NegativeInfinity;
        foreach (var c in collectConfigs)
        {
            ct.ThrowIfCancellationRequested();
            var manifest = CompletedManifest(c) ?? Collect(runner, c, ct);
            if (manifest.Best is { } b) bestCollected = Math.Max(bestCollected, b.Reward);
            datasets.Add(Path.Combine(c.OutputDirectory, ExperimentRunner.DatasetFile));
        }

        using var real = RunSetup.MakeEnvironment(registries.Environments, collectConfigs[0], options);
        var data = DatasetLoader.Load(datasets, real.ActionSpace, real.Metrics);
        log.WriteLine($"dataset: {data.Count} distinct feasible designs from {datasets.Count} runs");
        var rows = new List<ProxyStudyRow>();
        double msPerSimulation = double.NaN;
        foreach (var target in config.Targets)
        {
            foreach (var model in config.Models)
            {
                ct.ThrowIfCancellationRequested();
                TrainResult result;
                try
                {
                    result = ProxyTrainer.Train(new TrainRequest(data, target, model.Kind, model.HyperParameters, config.LogTarget, config.TestFraction,
                        config.Seed, real.Name, config.Environment.Options));
                }
                catch (ArgumentException e)
                {
                    throw new UserInputException($"{config.SourceFile}: models.{model.Kind} for {target}: {e.Message}", e);
                }

                if (double.IsNaN(msPerSimulation))
                {
                    using var timed = RunSetup.MakeEnvironment(registries.Environments, collectConfigs[0], options);
                    msPerSimulation = SimulatorTiming.MillisecondsPerEvaluation(timed, result.TestPoints.Take(config.TimingPoints).ToArray());
                    log.WriteLine($"simulator: {F(msPerSimulation)} ms per evaluation (measured on {Math.Min(config.TimingPoints, result.TestPoints.Count)} test designs)");
                }

                var modelFile = Path.Combine(dir, "models", $"{target}-{model.Kind}.json");
                var predictionsFile = Path.Combine(dir, "predictions", $"{target}-{model.Kind}.csv");
                Directory.CreateDirectory(Path.GetDirectoryName(modelFile)!);
                result.File.Save(modelFile);
                ProxyCliSupport.WritePredictions(predictionsFile, target, result.TestPoints, result.TestObserved, result.TestPredicted);
                var us = ProxyTrainer.MicrosecondsPerPrediction(result.Predictor, result.TestPoints);
                var r = result.Test!;
                rows.Add(new ProxyStudyRow(target, model.Kind, result.File.TrainingY.Length, r.Count, r.Rmse, r.RmsePctOfMean, r.RmsePctOfRange, r.MapePct, r.R2,
                    r.KendallTau, result.FitSeconds, us, msPerSimulation, msPerSimulation * 1000 / us, Relative(dir, modelFile), Relative(dir, predictionsFile)));
                log.WriteLine($"{target,-24} {model.Kind,-4} rmse% of mean {F(r.RmsePctOfMean),8}  of range {F(r.RmsePctOfRange),8}  tau {F(r.KendallTau),6}  " +
                    $"fit {F(result.FitSeconds),7} s  {F(us),8} us/prediction  speed-up {F(msPerSimulation * 1000 / us)}x");
            }
        }

        string? feasibilityFile = null;
        double? feasibilityAccuracy = null;
        var feasibilityUs = 0.0;
        if (data.InfeasiblePoints.Count > 0)
        {
            // A small forest: it runs on every proxy evaluation, so its time counts in the per-evaluation speed-up.
            var f = ProxyTrainer.Train(new TrainRequest(data, ProxyTrainer.FeasibleTarget, "rf", FeasibilityForest, false, config.TestFraction,
                config.Seed, real.Name, config.Environment.Options));
            feasibilityFile = Path.Combine(dir, "models", $"{ProxyTrainer.FeasibleTarget}-rf.json");
            f.File.Save(feasibilityFile);
            feasibilityAccuracy = ProxyTrainer.Accuracy(f.TestObserved, f.TestPredicted);
            feasibilityUs = ProxyTrainer.MicrosecondsPerPrediction(f.Predictor, f.TestPoints);
            log.WriteLine($"feasibility (rf on {data.Count} feasible / {data.InfeasiblePoints.Count} infeasible designs): test accuracy {F(100 * feasibilityAccuracy.Value)} %, {F(feasibilityUs)} us/prediction");
        }

        var chosen = config.Targets.ToDictionary(t => t, t => Choose(rows.Where(r => r.Target == t).ToArray(), config.MinSpeedup * config.Targets.Count));
        var usPerEvaluation = feasibilityUs + chosen.Sum(c => rows.First(r => r.Target == c.Key && r.Model == c.Value).MicrosecondsPerPrediction);
        var check = config.Search is { } search ? Search(config, search, dir, chosen, feasibilityFile, bestCollected, ct) : null;
        var study = new ProxyStudyResult(config.Name, real.Name, data.Count, datasets.Select(d => Relative(dir, d)).ToArray(), msPerSimulation, rows, chosen,
            usPerEvaluation, msPerSimulation * 1000 / usPerEvaluation, check, feasibilityFile is null ? null : Relative(dir, feasibilityFile), feasibilityAccuracy,
            data.InfeasiblePoints.Count);
        AtomicFile.Write(Path.Combine(dir, ProxyStudyResult.FileName), w => w.Write(study.ToJson()));
        ProxyStudyTable.WriteCsv(Path.Combine(dir, "proxy-study.csv"), rows);
        return study;
    }

    private ProxySearchCheck Search(ProxyStudyConfig config, StudySearch search, string dir, IReadOnlyDictionary<string, string> chosen, string? feasibility,
        double bestCollected, CancellationToken ct)
    {
        string[] models = [.. chosen.Select(c => Path.Combine(dir, "models", $"{c.Key}-{c.Value}.json")), .. feasibility is null ? [] : new[] { feasibility }];
        var env = config.Environment with { Proxy = models };
        var experiment = Experiment(config, "search", search.Agent, search.Budget, search.BatchSize, config.Seed, Path.Combine(dir, "search")) with { Environment = env };
        var outcome = new ExperimentRunner(registries).Run(experiment, null, ct);
        var best = outcome.Manifest.Best ?? throw new UserInputException($"{config.SourceFile}: search: the search on the proxy found no feasible design");
        var options = RunSetup.EnvironmentOptions(config.Environment);
        using var real = RunSetup.MakeEnvironment(registries.Environments, experiment with { Environment = config.Environment }, options);
        real.Reset(config.Seed);
        var step = real.Step(real.ActionSpace.Parse(best.Parameters));
        var simulated = real.Metrics.Select((m, i) => (m.Name, Value: step.Observation.Values[i])).ToDictionary(p => p.Name, p => p.Value);
        var predicted = chosen.Keys.ToDictionary(t => t, t => best.Metrics[t]);
        var errors = predicted.ToDictionary(p => p.Key, p => 100 * (p.Value - simulated[p.Key]) / simulated[p.Key]);
        log.WriteLine($"search on the proxy ({search.Agent.Name}, {search.Budget} evaluations, {F(outcome.Manifest.WallSeconds)} s): chosen {string.Join(", ", best.Parameters.Select(p => $"{p.Key}={p.Value}"))}");
        foreach (var (t, v) in predicted) log.WriteLine($"  {t}: proxy {F(v)}, simulator {F(simulated[t])} ({F(errors[t])} %)");
        log.WriteLine($"  reward: proxy {F(best.Reward)}, simulator {F(step.Reward)}; best collected {F(bestCollected)}");
        return new ProxySearchCheck(search.Agent.Name, search.Budget, best.Parameters, predicted, simulated, errors, best.Reward, step.Reward, step.Info.Feasible,
            bestCollected, outcome.Manifest.WallSeconds);
    }

    private static readonly Dictionary<string, string> FeasibilityForest = new() { ["trees"] = "10", ["max_depth"] = "12" };

    // The most accurate model fast enough, else the fastest.
    private static string Choose(ProxyStudyRow[] rows, double minSpeedup) =>
        (rows.Where(r => r.Speedup >= minSpeedup).MinBy(r => r.RmsePctOfMean) ?? rows.MaxBy(r => r.Speedup)!).Model;

    private RunManifest Collect(ExperimentRunner runner, ExperimentConfig c, CancellationToken ct)
    {
        log.WriteLine($"collecting: {c.Agent.Name} seed {c.Seed}, {c.Budget} evaluations -> {c.OutputDirectory}");
        var outcome = runner.Run(c, null, ct);
        if (outcome.Cancelled) throw new OperationCanceledException();
        return outcome.Manifest;
    }

    // A finished run of the same agent, seed and budget is kept (delete collect/ to collect afresh).
    private static RunManifest? CompletedManifest(ExperimentConfig c)
    {
        var dir = c.OutputDirectory;
        var path = Path.Combine(dir, ExperimentRunner.ManifestFile);
        if (!File.Exists(path) || !File.Exists(Path.Combine(dir, ExperimentRunner.DatasetFile))) return null;
        try
        {
            var m = RunManifest.FromJson(File.ReadAllText(path));
            return m.Status == "complete" && m.Agent == c.Agent.Name && m.Seed == c.Seed && m.Budget == c.Budget ? m : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static ExperimentConfig Experiment(ProxyStudyConfig config, string name, AgentSection agent, int budget, int batch, int seed, string output) =>
        new($"{config.Name}-{name}", config.Environment, agent, budget, batch, config.Parallelism, seed, output, config.SourceFile);

    private static string Relative(string dir, string path) => Path.GetRelativePath(dir, path).Replace('\\', '/');

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
