using System.Diagnostics;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Proxies.Data;
using ArchGym.Proxies.Environment;
using ArchGym.Proxies.Files;
using ArchGym.Proxies.Models;

namespace ArchGym.Proxies.Validation;

/// <summary>What to train: a dataset, the target metric and its transform, the model kind and hyperparameters, the split and seed, and the environment it stands for.</summary>
public sealed record TrainRequest(
    ProxyDataset Data,
    string Target,
    string Kind,
    IReadOnlyDictionary<string, string> HyperParameters,
    bool LogTarget,
    double TestFraction,
    int Seed,
    string Environment,
    IReadOnlyDictionary<string, string> EnvironmentOptions);

/// <summary>A trained proxy and its held-out test (observed and predicted values in test-row order; empty without a test split).</summary>
public sealed record TrainResult(ProxyModelFile File, ProxyPredictor Predictor, RegressionReport? Test, double[] TestObserved, double[] TestPredicted,
    IReadOnlyList<DesignPoint> TestPoints, double FitSeconds);

/// <summary>Training, held-out and k-fold validation, and prediction timing of proxies.</summary>
public static class ProxyTrainer
{
    /// <summary>
    /// The target name of a feasibility model: 1 for designs the simulator accepted, 0 for those it
    /// rejected; a <see cref="ProxyEnvironment"/> reports a design infeasible where it predicts below ½.
    /// </summary>
    public const string FeasibleTarget = "feasible";

    public static TrainResult Train(TrainRequest r)
    {
        if (r.Target == FeasibleTarget && r.LogTarget) throw new ArgumentException("target 'feasible' (0/1): a log transform is not allowed");
        var data = r.Target == FeasibleTarget ? r.Data.FeasibilityLabels(FeasibleTarget) : r.Data.WithFinite(r.Target);
        if (data.Count < 2) throw new ArgumentException($"target '{r.Target}': {data.Count} feasible row(s) with a value; a proxy needs at least 2");
        var transform = r.LogTarget ? TargetTransform.Log : TargetTransform.Identity;
        var learner = ProxyLearners.Create(r.Kind, r.HyperParameters);
        var encoder = new FeatureEncoder(data.Space);
        int[] trainRows, testRows;
        if (r.TestFraction > 0) (trainRows, testRows) = DataSplit.TrainTest(data.Count, r.TestFraction, r.Seed);
        else (trainRows, testRows) = (Enumerable.Range(0, data.Count).ToArray(), []);

        var train = data.Subset(trainRows);
        var x = encoder.Encode(train.Points);
        var y = train.Target(r.Target);
        var z = transform.Forward(y, r.Target);
        var clock = Stopwatch.StartNew();
        var model = learner.Fit(x, z, r.Seed);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        var predictor = new ProxyPredictor(r.Target, encoder, model, transform);

        var test = data.Subset(testRows);
        var observed = test.Count > 0 ? test.Target(r.Target) : [];
        var predicted = test.Points.Select(predictor.Predict).ToArray();
        var report = test.Count > 0 ? RegressionReport.Compute(observed, predicted) : null;
        var file = new ProxyModelFile(r.Environment, r.EnvironmentOptions, data.Space.Names, encoder.Names, r.Target, transform, learner.Kind,
            ProxyLearners.Describe(learner), r.Seed, model, x, y, report);
        return new TrainResult(file, predictor, report, observed, predicted, test.Points, fitSeconds);
    }

    /// <summary>The fraction of designs a feasibility model classifies right (predicted ≥ ½ exactly where observed 1).</summary>
    public static double Accuracy(IReadOnlyList<double> observed, IReadOnlyList<double> predicted) =>
        observed.Count == 0 ? double.NaN : observed.Zip(predicted).Count(p => (p.First >= 0.5) == (p.Second >= 0.5)) / (double)observed.Count;

    /// <summary>k-fold cross-validation: every row is predicted once by the model not trained on its fold; one report over all rows.</summary>
    public static RegressionReport CrossValidate(ProxyDataset data, string target, IProxyLearner learner, TargetTransform transform, int k, int seed)
    {
        data = data.WithFinite(target);
        var encoder = new FeatureEncoder(data.Space);
        var x = encoder.Encode(data.Points);
        var y = data.Target(target);
        var z = transform.Forward(y, target);
        var predicted = new double[data.Count];
        foreach (var fold in DataSplit.KFold(data.Count, k, seed))
        {
            var trainRows = DataSplit.Complement(data.Count, fold);
            var model = learner.Fit(x.Subset(trainRows), trainRows.Select(i => z[i]).ToArray(), seed);
            foreach (var i in fold) predicted[i] = transform.Inverse(model.Predict(x.Row(i)));
        }

        return RegressionReport.Compute(y, predicted);
    }

    /// <summary>
    /// Measured microseconds per prediction from a design point (encoding included): passes over
    /// <paramref name="points"/> after a warm-up pass, for at least <paramref name="minSeconds"/> and at
    /// least 3 passes; the fastest pass counts (other processes only ever slow a pass down).
    /// </summary>
    public static double MicrosecondsPerPrediction(ProxyPredictor predictor, IReadOnlyList<DesignPoint> points, double minSeconds = 0.3)
    {
        if (points.Count == 0) throw new ArgumentException("timing needs at least one point");
        var sink = 0.0;
        foreach (var p in points) sink += predictor.Predict(p);
        var best = double.PositiveInfinity;
        var total = Stopwatch.StartNew();
        for (var pass = 0; pass < 3 || total.Elapsed.TotalSeconds < minSeconds; pass++)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var p in points) sink += predictor.Predict(p);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMicroseconds / points.Count);
        }

        GC.KeepAlive(sink);
        return best;
    }
}
