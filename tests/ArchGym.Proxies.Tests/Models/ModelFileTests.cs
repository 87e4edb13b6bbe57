using System.Text.Json.Nodes;
using ArchGym.Proxies.Files;
using ArchGym.Proxies.Tests.Support;
using ArchGym.Proxies.Validation;

namespace ArchGym.Proxies.Tests.Models;

public class ModelFileTests
{
    private static JsonObject Saved()
    {
        var result = ProxyTrainer.Train(new TrainRequest(KnownFunction.Sample(80, seed: 1), "f", "rf", new Dictionary<string, string> { ["trees"] = "3" },
            false, 0.25, 1, "synthetic-v0", new Dictionary<string, string>()));
        return result.File.ToJson();
    }

    [Test]
    public void CorruptOrForeignFilesAreFormatErrorsNamingTheProblem()
    {
        var badChild = Saved();
        badChild["fitted"]!["trees"]!["left"]![0] = 1_000_000;
        var badFormat = Saved();
        badFormat["format"] = "archgym-proxy-v0";
        var numberFormat = Saved();
        numberFormat["format"] = 3;
        var badFeatures = Saved();
        badFeatures["fitted"]!["trees"]!["feature"]![0] = 99;
        Assert.Multiple(() =>
        {
            Assert.That(() => ProxyModelFile.Parse(badChild.ToJsonString()), Throws.TypeOf<FormatException>().With.Message.Contains("child index"));
            Assert.That(() => ProxyModelFile.Parse(badFormat.ToJsonString()), Throws.TypeOf<FormatException>().With.Message.Contains("expected 'archgym-proxy-v1'"));
            Assert.That(() => ProxyModelFile.Parse(numberFormat.ToJsonString()), Throws.TypeOf<FormatException>());
            Assert.That(() => ProxyModelFile.Parse(badFeatures.ToJsonString()), Throws.TypeOf<FormatException>().With.Message.Contains("feature 99 out of range"));
            Assert.That(() => ProxyModelFile.Parse("{"), Throws.TypeOf<FormatException>().With.Message.Contains("malformed JSON"));
        });
    }

    [Test]
    public void TheFileRecordsWhatTheModelStandsFor()
    {
        var o = Saved();
        Assert.Multiple(() =>
        {
            Assert.That((string?)o["format"], Is.EqualTo(ProxyModelFile.Format));
            Assert.That((string?)o["target"], Is.EqualTo("f"));
            Assert.That((string?)o["model"], Is.EqualTo("rf"));
            Assert.That((string?)o["hyperparameters"]!["trees"], Is.EqualTo("3"));
            Assert.That((string?)o["hyperparameters"]!["max_depth"], Is.Not.Null, "defaults are written out");
            Assert.That(o["features"]!.AsArray().Select(n => (string?)n), Does.Contain("log2(size)").And.Contain("mode=b"));
            Assert.That((int?)o["training_rows"], Is.EqualTo(60));
        });
    }
}

public class PredictionAllocationTests
{
    [TestCase("rf")]
    [TestCase("gbt")]
    [TestCase("gp")]
    [TestCase("mlp")]
    public void PredictingFromADesignPointAllocatesNothing(string kind)
    {
        var data = KnownFunction.Sample(150, seed: 2);
        var result = ProxyTrainer.Train(new TrainRequest(data, "f", kind, ModelAccuracyTests.Quick[kind], true, 0.2, 3, "synthetic-v0", new Dictionary<string, string>()));
        var points = data.Points.Take(50).ToArray();
        var sink = 0.0;
        foreach (var p in points) sink += result.Predictor.Predict(p);
        // The runtime may allocate once while it swaps in tier-1 code; a real per-prediction allocation shows in every window.
        var fewest = long.MaxValue;
        for (var window = 0; window < 20 && fewest > 0; window++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var p in points) sink += result.Predictor.Predict(p);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.That(fewest, Is.Zero, $"{kind} (sink {sink})");
    }
}
