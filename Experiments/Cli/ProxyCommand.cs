using System.CommandLine;
using System.Globalization;
using ArchGym.Experiments.Runner;
using ArchGym.Proxies.Data;
using ArchGym.Proxies.Files;
using ArchGym.Proxies.Models;
using ArchGym.Proxies.Validation;

namespace ArchGym.Experiments.Cli;

/// <summary>
/// <c>archgym proxy train|eval|study</c>: fit a cost model to logged evaluations, measure it on
/// datasets (accuracy and µs per prediction, optionally the simulator's ms per evaluation), and run
/// the whole collect-train-measure-search study from a YAML file.
/// </summary>
public static class ProxyCommand
{
    public static Command Create()
    {
        var cmd = new Command("proxy", "Proxy cost models trained on logged datasets (train, eval, study).");
        cmd.Subcommands.Add(Train());
        cmd.Subcommands.Add(Eval());
        cmd.Subcommands.Add(ProxyStudyCommand.Create());
        return cmd;
    }

    private static Command Train()
    {
        var data = new Option<string[]>("--data") { Description = "evaluations.csv files (any number).", Required = true, AllowMultipleArgumentsPerToken = true };
        var env = new Option<string>("--env") { Description = "The environment the data came from (its parameter space encodes the features).", Required = true };
        var envOptions = new Option<string[]>("--env-option") { Description = "Environment option key=value (repeatable).", AllowMultipleArgumentsPerToken = true };
        var model = new Option<string>("--model") { Description = "Model kind.", Required = true };
        model.AcceptOnlyFromAmong([.. ProxyLearners.Kinds]);
        var target = new Option<string>("--target") { Description = "The metric to model.", Required = true };
        var logTarget = new Option<bool>("--log-target") { Description = "Fit the log of the target (relative errors)." };
        var hp = new Option<string[]>("--hp") { Description = "Model hyperparameter key=value (repeatable).", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the split and the model.", DefaultValueFactory = _ => 1 };
        var testFraction = new Option<double>("--test-fraction") { Description = "Held-out fraction for the test report (0: train on all).", DefaultValueFactory = _ => 0.2 };
        var folds = new Option<int>("--folds") { Description = "Also report k-fold cross-validation (0: off).", DefaultValueFactory = _ => 0 };
        var predictions = new Option<string?>("--predictions") { Description = "Write the test rows' observed and predicted values to this CSV." };
        var output = new Option<string>("--out") { Description = "Model file to write (JSON).", Required = true };
        var cmd = new Command("train", "Train a proxy for one metric from evaluations.csv files.")
        {
            data, env, envOptions, model, target, logTarget, hp, seed, testFraction, folds, predictions, output,
        };
        cmd.SetAction(pr => CliGuard.Run(() => RunTrain(pr.GetValue(data) ?? [], pr.GetValue(env)!, ProxyCliSupport.Pairs(pr.GetValue(envOptions), "--env-option"),
            pr.GetValue(model)!, pr.GetValue(target)!, pr.GetValue(logTarget), ProxyCliSupport.Pairs(pr.GetValue(hp), "--hp"), pr.GetValue(seed),
            pr.GetValue(testFraction), pr.GetValue(folds), pr.GetValue(predictions), pr.GetValue(output)!)));
        return cmd;
    }

    private static Command Eval()
    {
        var model = new Option<string>("--model") { Description = "Model file written by proxy train.", Required = true };
        var data = new Option<string[]>("--data") { Description = "evaluations.csv files to score it on.", Required = true, AllowMultipleArgumentsPerToken = true };
        var simulate = new Option<int>("--simulate") { Description = "Also time the real simulator on this many of the rows (0: off) and print the speed-up.", DefaultValueFactory = _ => 0 };
        var predictions = new Option<string?>("--predictions") { Description = "Write observed and predicted values to this CSV." };
        var cmd = new Command("eval", "Score a proxy on datasets: accuracy and measured microseconds per prediction.") { model, data, simulate, predictions };
        cmd.SetAction(pr => CliGuard.Run(() => RunEval(pr.GetValue(model)!, pr.GetValue(data) ?? [], pr.GetValue(simulate), pr.GetValue(predictions))));
        return cmd;
    }

    private static int RunTrain(string[] data, string envId, IReadOnlyDictionary<string, string> envOptions, string kind, string target, bool logTarget,
        IReadOnlyDictionary<string, string> hp, int seed, double testFraction, int folds, string? predictions, string output)
    {
        if (testFraction is < 0 or >= 1) throw new UserInputException($"--test-fraction {F(testFraction)}: allowed: a number in [0, 1)");
        if (folds is < 0 or 1) throw new UserInputException($"--folds {folds}: allowed: 0 (off) or a whole number >= 2");
        if (seed < 0) throw new UserInputException($"--seed {seed}: allowed: a whole number >= 0");
        using var env = ProxyCliSupport.MakeEnvironment(DefaultRegistries.Create().Environments, envId, envOptions, "--env");
        if (target != ProxyTrainer.FeasibleTarget && !env.Metrics.Any(m => m.Name == target))
            throw new UserInputException($"--target '{target}': not a metric of {env.Name}; allowed: {string.Join(", ", env.Metrics.Select(m => m.Name))}, or {ProxyTrainer.FeasibleTarget} (a feasibility model)");
        var dataset = ProxyCliSupport.LoadData(data, env);
        TrainResult result;
        try
        {
            result = ProxyTrainer.Train(new TrainRequest(dataset, target, kind, hp, logTarget, testFraction, seed, env.Name, envOptions));
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"proxy train: {e.Message}", e);
        }

        try
        {
            result.File.Save(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            throw new UserInputException($"--out {output}: cannot write there ({e.Message})", e);
        }

        Console.WriteLine($"{kind} for {target} on {env.Name}: {result.File.TrainingY.Length} training rows, fitted in {F(result.FitSeconds)} s -> {output}");
        if (result.Test is { } test)
        {
            Console.WriteLine($"test: {ProxyCliSupport.Describe(test)}");
            if (target == ProxyTrainer.FeasibleTarget) Console.WriteLine($"feasibility accuracy {F(ProxyTrainer.Accuracy(result.TestObserved, result.TestPredicted))}");
            Console.WriteLine($"us_per_prediction {F(ProxyTrainer.MicrosecondsPerPrediction(result.Predictor, result.TestPoints))}");
            if (predictions is not null) ProxyCliSupport.WritePredictions(predictions, target, result.TestPoints, result.TestObserved, result.TestPredicted);
        }

        if (folds >= 2)
        {
            var learner = ProxyLearners.Create(kind, hp);
            var cv = ProxyTrainer.CrossValidate(dataset, target, learner, logTarget ? TargetTransform.Log : TargetTransform.Identity, folds, seed);
            Console.WriteLine($"{folds}-fold: {ProxyCliSupport.Describe(cv)}");
        }

        return ExitCodes.Ok;
    }

    private static int RunEval(string modelPath, string[] data, int simulate, string? predictions)
    {
        if (simulate < 0) throw new UserInputException($"--simulate {simulate}: allowed: a whole number >= 0");
        ProxyModelFile file;
        try
        {
            file = ProxyModelFile.Load(modelPath);
        }
        catch (FormatException e)
        {
            throw new UserInputException($"--model {e.Message}", e);
        }

        var registry = DefaultRegistries.Create().Environments;
        using var env = ProxyCliSupport.MakeEnvironment(registry, file.Environment, file.EnvironmentOptions, $"--model {modelPath}: environment");
        var encoder = new FeatureEncoder(env.ActionSpace);
        if (!encoder.Names.SequenceEqual(file.FeatureNames))
            throw new UserInputException($"--model {modelPath}: its features ({string.Join(", ", file.FeatureNames)}) do not match {env.Name}'s ({string.Join(", ", encoder.Names)})");
        var loaded = ProxyCliSupport.LoadData(data, env);
        var dataset = file.Target == ProxyTrainer.FeasibleTarget ? loaded.FeasibilityLabels(file.Target) : loaded.WithFinite(file.Target);
        if (dataset.Count == 0) throw new UserInputException($"--data: no feasible row with a value of '{file.Target}'");
        var predictor = new ProxyPredictor(file.Target, encoder, file.Model, file.Transform);
        var observed = dataset.Target(file.Target);
        var predicted = dataset.Points.Select(predictor.Predict).ToArray();
        var report = RegressionReport.Compute(observed, predicted);
        var micros = ProxyTrainer.MicrosecondsPerPrediction(predictor, dataset.Points);
        Console.WriteLine($"{file.Kind} for {file.Target} on {file.Environment}: {ProxyCliSupport.Describe(report)}");
        Console.WriteLine($"us_per_prediction {F(micros)}");
        if (file.Target == ProxyTrainer.FeasibleTarget) Console.WriteLine($"feasibility accuracy {F(ProxyTrainer.Accuracy(observed, predicted))}");
        if (simulate > 0)
        {
            using var real = ProxyCliSupport.MakeEnvironment(registry, file.Environment, file.EnvironmentOptions, $"--model {modelPath}: environment");
            var ms = SimulatorTiming.MillisecondsPerEvaluation(real, dataset.Points.Take(simulate).ToArray());
            Console.WriteLine($"ms_per_simulation {F(ms)}  speedup {F(ms * 1000 / micros)}");
        }

        if (predictions is not null) ProxyCliSupport.WritePredictions(predictions, file.Target, dataset.Points, observed, predicted);
        return ExitCodes.Ok;
    }

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
