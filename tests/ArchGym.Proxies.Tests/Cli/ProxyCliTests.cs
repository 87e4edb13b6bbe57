using System.Globalization;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Synthetic;
using ArchGym.Proxies.Data;
using ArchGym.Proxies.Files;
using ArchGym.Proxies.Models;
using ArchGym.Proxies.Tests.Support;

namespace ArchGym.Proxies.Tests.Cli;

/// <summary>End to end through the built command: collect a dataset, train, evaluate, run on the proxy, and bad input.</summary>
public class ProxyCliTests
{
    private string _dir = "";

    [OneTimeSetUp]
    public void CollectOnce()
    {
        _dir = Directory.CreateTempSubdirectory("proxy-cli").FullName;
        File.WriteAllText(Path.Combine(_dir, "collect.yaml"), """
            name: collect
            env: { id: synthetic-v0, options: { function: mixed } }
            agent: { name: random_search }
            budget: 300
            seed: 3
            output: data
            """);
        var r = Archgym.Run(_dir, "run", "collect.yaml", "--quiet");
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        File.WriteAllText(Path.Combine(_dir, "badstudy.yaml"), """
            env: { id: synthetic-v0 }
            collect: [ { agent: random_search, budget: 10 } ]
            targets: [loss]
            models: { rf: { leaves: 3 } }
            output: badstudy
            """);
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private Archgym.Result Train(string output, params string[] extra) =>
        Archgym.Run(_dir, ["proxy", "train", "--data", "data/evaluations.csv", "--env", "synthetic-v0", "--env-option", "function=mixed", "--model", "rf",
            "--target", "loss", "--hp", "trees=30", "--out", output, .. extra]);

    [Test]
    public void TrainEvalAndRunOnTheProxy()
    {
        var train = Train("m.json", "--predictions", "pred/loss-rf.csv", "--folds", "3");
        Assert.That(train.ExitCode, Is.Zero, train.StdErr);
        Assert.That(train.StdOut, Does.Contain("rmse_pct_of_mean").And.Contain("rmse_pct_of_range").And.Contain("kendall_tau").And.Contain("us_per_prediction").And.Contain("3-fold"));
        Assert.That(File.ReadAllLines(Path.Combine(_dir, "pred/loss-rf.csv"))[0], Does.EndWith("metric,observed,predicted"));

        var eval = Archgym.Run(_dir, "proxy", "eval", "--model", "m.json", "--data", "data/evaluations.csv", "--simulate", "20");
        Assert.That(eval.ExitCode, Is.Zero, eval.StdErr);
        Assert.That(eval.StdOut, Does.Contain("r2").And.Contain("us_per_prediction").And.Contain("ms_per_simulation").And.Contain("speedup"));

        File.WriteAllText(Path.Combine(_dir, "onproxy.yaml"), """
            name: onproxy
            env: { id: synthetic-v0, options: { function: mixed }, proxy: m.json }
            agent: { name: random_search }
            budget: 40
            seed: 8
            output: onproxy
            """);
        var run = Archgym.Run(_dir, "run", "onproxy.yaml", "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.StdErr);

        // The run's observations are the saved model's predictions, under the real environment's column names.
        var lines = File.ReadAllLines(Path.Combine(_dir, "onproxy", "evaluations.csv"));
        var header = lines[0].Split(',');
        var model = ProxyModelFile.Load(Path.Combine(_dir, "m.json"));
        var registry = new EnvironmentRegistry();
        SyntheticEnvironment.Register(registry);
        using var env = registry.Make("synthetic-v0", new Dictionary<string, string> { ["function"] = "mixed" });
        var predictor = new ProxyPredictor("loss", new FeatureEncoder(env.ActionSpace), model.Model, model.Transform);
        Assert.That(lines, Has.Length.EqualTo(41));
        foreach (var line in lines.Skip(1).Take(5))
        {
            var cells = line.Split(',');
            var point = env.ActionSpace.Parse(env.ActionSpace.Names.ToDictionary(n => n, n => cells[Array.IndexOf(header, n)]));
            Assert.That(double.Parse(cells[Array.IndexOf(header, "loss")], CultureInfo.InvariantCulture), Is.EqualTo(predictor.Predict(point)));
        }
    }

    [Test]
    public void TrustModeRunsFallBackToTheSimulator()
    {
        Assert.That(Train("trust.json").ExitCode, Is.Zero);
        File.WriteAllText(Path.Combine(_dir, "trust.yaml"), """
            name: trust
            env:
              id: synthetic-v0
              options: { function: mixed }
              proxy: [trust.json]
              proxy_trust: { max_relative_std: 1.0e-9, retrain_every: 10 }
            agent: { name: random_search }
            budget: 15
            seed: 8
            output: trust
            """);
        var run = Archgym.Run(_dir, "run", "trust.yaml", "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.StdErr);
        // Every point is unsure at this threshold: the simulator's own losses are logged (the synthetic loss is exactly computable).
        var lines = File.ReadAllLines(Path.Combine(_dir, "trust", "evaluations.csv"));
        Assert.That(lines, Has.Length.EqualTo(16));
        var header = lines[0].Split(',');
        var registry = new EnvironmentRegistry();
        SyntheticEnvironment.Register(registry);
        using var env = registry.Make("synthetic-v0", new Dictionary<string, string> { ["function"] = "mixed" });
        var function = ((SyntheticEnvironment)env).Function;
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var point = env.ActionSpace.Parse(env.ActionSpace.Names.ToDictionary(n => n, n => cells[Array.IndexOf(header, n)]));
            Assert.That(double.Parse(cells[Array.IndexOf(header, "loss")], CultureInfo.InvariantCulture), Is.EqualTo(function.Loss(point)));
        }
    }

    [Test]
    public void StudyCollectsTrainsSearchesAndReports()
    {
        File.WriteAllText(Path.Combine(_dir, "study.yaml"), """
            name: study
            env: { id: synthetic-v0, options: { function: mixed } }
            collect:
              - { agent: random_walk, budget: 200, seeds: [1, 2] }
              - { agent: random_search, budget: 200 }
            targets: [loss]
            models: { rf: { trees: 20 }, gbt: { rounds: 100 } }
            test_fraction: 0.25
            seed: 2
            timing_points: 20
            search: { agent: { name: random_search }, budget: 100 }
            output: study
            """);
        var r = Archgym.Run(_dir, "proxy", "study", "study.yaml");
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        var folder = Path.Combine(_dir, "study");
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(folder, "proxy-study.json")), Is.True);
            Assert.That(File.ReadAllLines(Path.Combine(folder, "proxy-study.csv")), Has.Length.EqualTo(3), "header + one row per model");
            Assert.That(File.Exists(Path.Combine(folder, "models", "loss-rf.json")) && File.Exists(Path.Combine(folder, "predictions", "loss-gbt.csv")), Is.True);
            Assert.That(File.Exists(Path.Combine(folder, "search", "run.json")), Is.True);
            Assert.That(r.StdOut, Does.Contain("search on the proxy").And.Contain("speed-up"));
        });
        var json = File.ReadAllText(Path.Combine(folder, "proxy-study.json"));
        Assert.That(json, Does.Contain("\"simulated_metrics\"").And.Contain("\"speedup_per_evaluation\""));

        var report = Archgym.Run(_dir, "report", "study");
        Assert.That(report.ExitCode, Is.Zero, report.StdErr);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.That(html, Does.Contain("predicted vs simulated").And.Contain("class=\"diagonal\"").And.Contain("RMSE % of range"));
    }

    private static IEnumerable<TestCaseData> BadInputs()
    {
        string[] train = ["proxy", "train", "--data", "data/evaluations.csv", "--env", "synthetic-v0", "--target", "loss", "--out", "x.json"];
        yield return new TestCaseData((object)(string[])[.. train, "--model", "svm"], "'rf' 'gbt' 'gp' 'mlp'").SetName("unknown model kind");
        yield return new TestCaseData((object)(string[])[.. train.Select(a => a == "loss" ? "speed" : a), "--model", "rf"], "allowed: loss").SetName("unknown target");
        yield return new TestCaseData((object)(string[])[.. train.Select(a => a == "data/evaluations.csv" ? "none.csv" : a), "--model", "rf"], "none.csv: file not found").SetName("missing dataset");
        yield return new TestCaseData((object)(string[])[.. train, "--model", "rf", "--hp", "depth=3"], "unknown hyperparameter 'depth'").SetName("unknown hyperparameter");
        yield return new TestCaseData((object)(string[])[.. train, "--model", "rf", "--env-option", "colour=red"], "unknown option 'colour'").SetName("unknown env option");
        yield return new TestCaseData((object)(string[])[.. train.Select(a => a == "synthetic-v0" ? "nope-v0" : a), "--model", "rf"], "unknown environment 'nope-v0'").SetName("unknown environment");
        yield return new TestCaseData((object)(string[])["proxy", "eval", "--model", "collect.yaml", "--data", "data/evaluations.csv"], "not a proxy model file").SetName("eval of a non-model file");
        yield return new TestCaseData((object)(string[])["proxy", "eval", "--model", "missing.json", "--data", "data/evaluations.csv"], "missing.json: file not found").SetName("eval of a missing model");
        yield return new TestCaseData((object)(string[])["proxy", "study", "missing.yaml"], "missing.yaml: file not found").SetName("missing study file");
        yield return new TestCaseData((object)(string[])["proxy", "study", "badstudy.yaml"], "badstudy.yaml: models.rf: model rf: unknown hyperparameter 'leaves'").SetName("bad study model, before collecting");
    }

    [TestCaseSource(nameof(BadInputs))]
    public void BadInputIsOneLineAndExitTwo(string[] args, string expected)
    {
        var r = Archgym.Run(_dir, args);
        Assert.Multiple(() =>
        {
            Assert.That(r.ExitCode, Is.EqualTo(2), r.StdErr + r.StdOut);
            Assert.That(r.StdErr.Trim().Split('\n'), Has.Length.EqualTo(1), r.StdErr);
            Assert.That(r.StdErr, Does.Contain(expected));
        });
    }

    [Test]
    public void BadProxyInAnExperimentIsOneLineAndExitTwo()
    {
        File.WriteAllText(Path.Combine(_dir, "badproxy.yaml"), """
            name: badproxy
            env: { id: systolic-v0, proxy: [nothing.json] }
            agent: { name: random_search }
            budget: 5
            """);
        File.WriteAllText(Path.Combine(_dir, "trustonly.yaml"), """
            name: trustonly
            env: { id: synthetic-v0, proxy_trust: { max_relative_std: 0.1 } }
            agent: { name: random_search }
            budget: 5
            """);
        var missing = Archgym.Run(_dir, "run", "badproxy.yaml", "--quiet");
        var trustOnly = Archgym.Run(_dir, "run", "trustonly.yaml", "--quiet");
        Assert.Multiple(() =>
        {
            Assert.That(missing.ExitCode, Is.EqualTo(2));
            Assert.That(missing.StdErr, Does.Contain("badproxy.yaml: env.proxy: nothing.json: file not found"));
            Assert.That(trustOnly.ExitCode, Is.EqualTo(2));
            Assert.That(trustOnly.StdErr, Does.Contain("env.proxy_trust: needs proxy"));
        });
    }

    [Test]
    public void AProxyForAnotherEnvironmentIsRejected()
    {
        Assert.That(Train("other.json").ExitCode, Is.Zero);
        File.WriteAllText(Path.Combine(_dir, "wrongenv.yaml"), """
            name: wrongenv
            env: { id: synthetic-v0, options: { function: levels }, proxy: other.json }
            agent: { name: random_search }
            budget: 5
            """);
        var r = Archgym.Run(_dir, "run", "wrongenv.yaml", "--quiet");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.StdErr, Does.Contain("env.proxy").And.Contain("parameters"));
    }
}
