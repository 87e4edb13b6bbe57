using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Synthetic;
using ArchGym.Environments.Systolic;
using ArchGym.Proxies.Data;
using ArchGym.Proxies.Environment;
using ArchGym.Proxies.Files;
using ArchGym.Proxies.Validation;

namespace ArchGym.Proxies.Tests.Environment;

public class ProxyEnvironmentTests
{
    private static readonly Dictionary<string, string> Options = new() { ["function"] = "mixed" };

    private static IEnvironment Real(string targets = "")
    {
        var registry = new EnvironmentRegistry();
        SyntheticEnvironment.Register(registry);
        var options = new Dictionary<string, string>(Options);
        if (targets.Length > 0) options["targets"] = targets;
        return registry.Make(SyntheticEnvironment.Id, options);
    }

    /// <summary>A forest trained on 300 simulated points of synthetic-v0 (mixed).</summary>
    private static ProxyModelFile Model(string kind = "rf", int rows = 300)
    {
        using var env = Real();
        env.Reset(0);
        var rng = new Random(1);
        var points = Enumerable.Range(0, rows).Select(_ => env.ActionSpace.Sample(rng)).Distinct().ToArray();
        var loss = points.Select(p => env.Step(p).Observation.Values[0]).ToArray();
        var data = new ProxyDataset(env.ActionSpace, points, new Dictionary<string, double[]> { ["loss"] = loss });
        return ProxyTrainer.Train(new TrainRequest(data, "loss", kind, kind == "rf" ? new Dictionary<string, string> { ["trees"] = "40" } : new Dictionary<string, string>(), false, 0.2, 3,
            SyntheticEnvironment.Id, Options)).File;
    }

    [Test]
    public void StandsInWithTheSameInterfaceAndTask()
    {
        var file = Model();
        using var real = Real("loss=0.5");
        using var proxy = new ProxyEnvironment(Real("loss=0.5"), new ProxySet([file], real.Name, real.ActionSpace, real.Metrics));
        Assert.Multiple(() =>
        {
            Assert.That(proxy.Name, Is.EqualTo(real.Name));
            Assert.That(proxy.Workload, Is.EqualTo(real.Workload));
            Assert.That(proxy.Metrics.Select(m => m.Name), Is.EqualTo(real.Metrics.Select(m => m.Name)));
            Assert.That(proxy.ActionSpace.Names, Is.EqualTo(real.ActionSpace.Names));
        });

        Assert.Throws<InvalidOperationException>(() => proxy.Step(proxy.ActionSpace.Sample(new Random(0))), "step before reset");
        proxy.Reset(0);
        real.Reset(0);
        var rng = new Random(5);
        var errors = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var p = proxy.ActionSpace.Sample(rng);
            var r = proxy.Step(p);
            var predicted = file.Model.Predict(new FeatureEncoder(proxy.ActionSpace).Encode(p));
            Assert.That(r.Observation.Values[0], Is.EqualTo(predicted), "the observation is the model's prediction");
            Assert.That(r.Reward, Is.EqualTo(((EnvironmentBase)real).Task.Reward.Compute([predicted])), "the real task's reward of it");
            Assert.That(r.Info.Extra![ProxyEnvironment.FallbackKey], Is.Zero);
            errors.Add(Math.Abs(r.Observation.Values[0] - real.Step(real.ActionSpace.Adopt(p)).Observation.Values[0]));
            if (r.Terminated) proxy.Reset(0);
        }

        Assert.That(errors.Average(), Is.LessThan(3), "close to the simulator (losses range over ~0..40)");
    }

    [Test]
    public void EpisodesEndAsTheRealEnvironmentsDo()
    {
        // Gymnasium's contract through EnvironmentBase: a met target terminates; stepping an ended episode throws; reset restarts.
        var file = Model();
        using var real = Real("loss=1000");
        using var proxy = new ProxyEnvironment(Real("loss=1000"), new ProxySet([file], real.Name, real.ActionSpace, real.Metrics));
        var (obs, info) = proxy.Reset(1);
        Assert.That(double.IsNaN(obs.Values[0]) && info.Feasible, Is.True, "nothing observed after reset");
        var p = proxy.ActionSpace.Sample(new Random(1));
        Assert.That(proxy.Step(p).Terminated, Is.True, "every design meets loss <= 1000");
        Assert.Throws<InvalidOperationException>(() => proxy.Step(p));
        proxy.Reset();
        Assert.That(proxy.Step(p).Terminated, Is.True);
    }

    [Test]
    public void TrustModeFallsBackWhereUnsureAndRetrains()
    {
        var file = Model();
        using var real = Real();
        var sure = new ProxySet([file], real.Name, real.ActionSpace, real.Metrics);
        var unsure = new ProxySet([file], real.Name, real.ActionSpace, real.Metrics);
        using var never = new ProxyEnvironment(Real(), sure, new TrustSettings(1e9, 5));
        using var always = new ProxyEnvironment(Real(), unsure, new TrustSettings(1e-12, 5));
        never.Reset(0);
        always.Reset(0);
        real.Reset(0);
        var rng = new Random(9);
        var points = Enumerable.Range(0, 12).Select(_ => real.ActionSpace.Sample(rng)).ToArray();
        foreach (var p in points)
        {
            Assert.That(never.Step(p).Info.Extra![ProxyEnvironment.FallbackKey], Is.Zero);
            var r = always.Step(p);
            Assert.That(r.Info.Extra![ProxyEnvironment.FallbackKey], Is.EqualTo(1));
            Assert.That(r.Observation.Values, Is.EqualTo(real.Step(p).Observation.Values), "the simulator's own metrics");
        }

        Assert.Multiple(() =>
        {
            Assert.That(sure.Fallbacks, Is.Zero);
            Assert.That(unsure.Fallbacks, Is.EqualTo(12));
            Assert.That(unsure.Retrains, Is.EqualTo(2), "retrained after 5 and 10 samples");
            Assert.That(unsure.Predictors[0]!.Model, Is.Not.SameAs(file.Model));
        });
    }

    [Test]
    public void AFeasibilityModelReportsPredictedInfeasibleDesigns()
    {
        // Pretend the simulator rejected every design with mode 'a': a forest learns that from the labels.
        using var real = Real();
        var rng = new Random(2);
        var points = Enumerable.Range(0, 400).Select(_ => real.ActionSpace.Sample(rng)).Distinct().ToArray();
        var ok = points.Where(p => p.GetText("mode") != "a").ToArray();
        var rejected = points.Where(p => p.GetText("mode") == "a").ToArray();
        var data = new ProxyDataset(real.ActionSpace, ok, new Dictionary<string, double[]> { ["loss"] = ok.Select(p => 1.0).ToArray() }, rejected);
        var feasibility = ProxyTrainer.Train(new TrainRequest(data, ProxyTrainer.FeasibleTarget, "rf", new Dictionary<string, string> { ["trees"] = "20" },
            false, 0.25, 1, SyntheticEnvironment.Id, Options));
        Assert.That(ProxyTrainer.Accuracy(feasibility.TestObserved, feasibility.TestPredicted), Is.EqualTo(1), "a one-knob rule is learnt exactly");

        using var proxy = new ProxyEnvironment(Real(), new ProxySet([Model(), feasibility.File], real.Name, real.ActionSpace, real.Metrics));
        proxy.Reset(0);
        foreach (var p in points.Take(40))
        {
            var r = proxy.Step(p);
            Assert.That(r.Info.Feasible, Is.EqualTo(p.GetText("mode") != "a"), p.ToString());
            if (!r.Info.Feasible) Assert.That(r.Info.InfeasibleReason, Does.Contain("feasibility model"));
            if (r.Terminated) proxy.Reset(0);
        }
    }

    [Test]
    public void ModelsMustMatchTheEnvironment()
    {
        var file = Model();
        using var systolic = new EnvironmentRegistry().Also(SystolicEnvironments.Register).Make(SystolicEnvironment.Id);
        using var real = Real();
        Assert.Multiple(() =>
        {
            Assert.That(() => new ProxySet([file], systolic.Name, systolic.ActionSpace, systolic.Metrics),
                Throws.ArgumentException.With.Message.Contains("trained on synthetic-v0"));
            Assert.That(() => new ProxySet([file, file], real.Name, real.ActionSpace, real.Metrics),
                Throws.ArgumentException.With.Message.Contains("two models for metric 'loss'"));
            Assert.That(() => new ProxyEnvironment(Real(), new ProxySet([Model("gbt")], real.Name, real.ActionSpace, real.Metrics), new TrustSettings(0.1, 1)),
                Throws.ArgumentException.With.Message.Contains("trust mode needs models with uncertainty"));
        });
    }
}

internal static class RegistryExtensions
{
    public static EnvironmentRegistry Also(this EnvironmentRegistry registry, Action<EnvironmentRegistry> register)
    {
        register(registry);
        return registry;
    }
}
