using ArchGym.Proxies.Data;
using ArchGym.Proxies.Files;
using ArchGym.Proxies.Models;
using ArchGym.Proxies.Tests.Support;
using ArchGym.Proxies.Validation;

namespace ArchGym.Proxies.Tests.Models;

/// <summary>Each model kind recovers <see cref="KnownFunction"/> from 600 noisy samples, judged on 300 fresh clean points.</summary>
public class ModelAccuracyTests
{
    // Small but adequate settings, so the suite stays quick on two cores.
    internal static readonly Dictionary<string, Dictionary<string, string>> Quick = new()
    {
        ["rf"] = new() { ["trees"] = "60" },
        ["gbt"] = new() { ["rounds"] = "400", ["learning_rate"] = "0.1", ["max_depth"] = "4" },
        ["gp"] = new() { ["fit_points"] = "150", ["restarts"] = "1" },
        ["mlp"] = new() { ["hidden"] = "32,32", ["epochs"] = "300", ["patience"] = "30" },
    };

    // Stated bounds on the clean test RMSE (the targets' sd is about 1.6; trees fit the smooth sin(x) piecewise, so they get more slack).
    private static readonly Dictionary<string, double> RmseBound = new() { ["rf"] = 0.45, ["gbt"] = 0.25, ["gp"] = 0.05, ["mlp"] = 0.15 };

    [TestCase("rf")]
    [TestCase("gbt")]
    [TestCase("gp")]
    [TestCase("mlp")]
    public void LearnsTheKnownFunctionAndBeatsTheMean(string kind)
    {
        var train = KnownFunction.Sample(600, seed: 1);
        var test = KnownFunction.Sample(300, seed: 2);
        var encoder = new FeatureEncoder(KnownFunction.Space);
        var model = ProxyLearners.Create(kind, Quick[kind]).Fit(encoder.Encode(train.Points), train.Target("f"), seed: 7);
        var observed = test.Target("f_clean");
        var predicted = test.Points.Select(p => model.Predict(encoder.Encode(p))).ToArray();
        var report = RegressionReport.Compute(observed, predicted);
        var meanPredictor = RegressionReport.Compute(observed, Enumerable.Repeat(train.Target("f").Average(), observed.Length).ToArray());
        TestContext.Out.WriteLine($"{kind}: {report} (mean predictor RMSE {meanPredictor.Rmse})");
        Assert.Multiple(() =>
        {
            Assert.That(report.Rmse, Is.LessThan(RmseBound[kind]), $"{kind}: {report}");
            Assert.That(report.Rmse, Is.LessThan(0.25 * meanPredictor.Rmse), $"{kind} against the mean predictor {meanPredictor.Rmse}");
            Assert.That(report.KendallTau, Is.GreaterThan(0.8), $"{kind}: ranking");
        });
    }

    [TestCase("rf")]
    [TestCase("gbt")]
    [TestCase("gp")]
    [TestCase("mlp")]
    public void SaveLoadRoundTripPredictsIdentically(string kind)
    {
        var data = KnownFunction.Sample(200, seed: 3);
        var result = ProxyTrainer.Train(new TrainRequest(data, "f", kind, Quick[kind], LogTarget: true, TestFraction: 0.2, Seed: 4,
            "synthetic-v0", new Dictionary<string, string>()));
        var path = Path.Combine(Path.GetTempPath(), $"proxy-{kind}-{Guid.NewGuid():N}.json");
        try
        {
            result.File.Save(path);
            var loaded = ProxyModelFile.Load(path);
            var probe = KnownFunction.Sample(50, seed: 5).Points;
            var encoder = new FeatureEncoder(KnownFunction.Space);
            var before = probe.Select(p => result.File.Model.PredictWithUncertainty(encoder.Encode(p))).ToArray();
            var after = probe.Select(p => loaded.Model.PredictWithUncertainty(encoder.Encode(p))).ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(after.Select(a => a.Mean), Is.EqualTo(before.Select(b => b.Mean)), "bit-identical means");
                Assert.That(after.Select(a => a.Std), Is.EqualTo(before.Select(b => b.Std)), "identical uncertainty (NaN where none)");
                Assert.That(loaded.Transform, Is.EqualTo(TargetTransform.Log));
                Assert.That(loaded.Kind, Is.EqualTo(kind));
                Assert.That(loaded.TrainingY, Is.EqualTo(result.File.TrainingY));
                Assert.That(loaded.Test!.Rmse, Is.EqualTo(result.Test!.Rmse));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("rf")]
    [TestCase("gbt")]
    [TestCase("gp")]
    [TestCase("mlp")]
    public void SameSeedSameModel(string kind)
    {
        var data = KnownFunction.Sample(150, seed: 6);
        var encoder = new FeatureEncoder(KnownFunction.Space);
        var x = encoder.Encode(data.Points);
        var a = ProxyLearners.Create(kind, Quick[kind]).Fit(x, data.Target("f"), seed: 9);
        var b = ProxyLearners.Create(kind, Quick[kind]).Fit(x, data.Target("f"), seed: 9);
        var probe = KnownFunction.Sample(40, seed: 8).Points.Select(encoder.Encode).ToArray();
        Assert.That(probe.Select(p => b.Predict(p)), Is.EqualTo(probe.Select(p => a.Predict(p))));
        if (kind is "rf" or "mlp")
        {
            var c = ProxyLearners.Create(kind, Quick[kind]).Fit(x, data.Target("f"), seed: 10);
            Assert.That(probe.Select(p => c.Predict(p)), Is.Not.EqualTo(probe.Select(p => a.Predict(p))), "another seed draws another model");
        }
    }

    [Test]
    public void GpUncertaintyIsLargerFarFromTheData()
    {
        // Train on x < 0 only: predictions at x > 2.5 extrapolate.
        var data = KnownFunction.Sample(400, seed: 11);
        var encoder = new FeatureEncoder(KnownFunction.Space);
        var model = ProxyLearners.Create("gp", Quick["gp"]).Fit(encoder.Encode(data.Points.Where(p => p["x"] < 0).ToArray()),
            data.Points.Select((p, i) => (p, i)).Where(t => t.p["x"] < 0).Select(t => data.Target("f")[t.i]).ToArray(), seed: 1);
        var inside = data.Points.Where(p => p["x"] < -0.5).Take(50).Average(p => model.PredictWithUncertainty(encoder.Encode(p)).Std);
        var outside = data.Points.Where(p => p["x"] > 2.5).Take(50).Average(p => model.PredictWithUncertainty(encoder.Encode(p)).Std);
        Assert.That(outside, Is.GreaterThan(2 * inside), "the GP is less sure away from its data");
    }

    [Test]
    public void UnknownKindsAndHyperparametersAreNamed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => ProxyLearners.Create("svm"), Throws.ArgumentException.With.Message.Contains("allowed: rf, gbt, gp, mlp"));
            Assert.That(() => ProxyLearners.Create("rf", new Dictionary<string, string> { ["treez"] = "3" }),
                Throws.ArgumentException.With.Message.Contains("unknown hyperparameter 'treez'").And.Message.Contains("trees"));
            Assert.That(() => ProxyLearners.Create("gbt", new Dictionary<string, string> { ["learning_rate"] = "2" }),
                Throws.ArgumentException.With.Message.Contains("learning_rate='2'"));
            Assert.That(() => ProxyLearners.Create("mlp", new Dictionary<string, string> { ["hidden"] = "a,b" }),
                Throws.ArgumentException.With.Message.Contains("hidden='a,b'"));
        });
    }
}
