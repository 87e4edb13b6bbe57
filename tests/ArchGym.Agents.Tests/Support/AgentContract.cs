using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Systolic;

namespace ArchGym.Agents.Tests.Support;

/// <summary>Checks every agent must pass: determinism, hyperparameter validation, a systolic-v0 smoke run, beating random search.</summary>
public static class AgentContract
{
    /// <summary>systolic-v0 on a two-layer GEMM topology (the simulator is slow on tiny arrays over whole networks).</summary>
    public static Func<IEnvironment> SystolicTiny { get; } =
        () => SystolicEnvironments.Create(new EnvironmentOptions(new Dictionary<string, string>
        {
            ["workload"] = Path.Combine(TestContext.CurrentContext.TestDirectory, "Support", "tiny_gemm.csv"),
        }));

    public static IReadOnlyList<Metric> SystolicMetrics => SystolicEnvironment.MetricList;

    /// <summary>Same seed gives the same asked points (batch asks included); another seed gives different ones.</summary>
    public static void AssertDeterministic(string agent, IReadOnlyDictionary<string, string>? hp = null, int budget = 40, int batch = 3)
    {
        var make = AgentHarness.Synthetic("mixed");
        var a = Points(AgentHarness.Run(agent, make, budget, 7, hp, batch));
        var b = Points(AgentHarness.Run(agent, make, budget, 7, hp, batch));
        var c = Points(AgentHarness.Run(agent, make, budget, 8, hp, batch));
        Assert.That(a, Has.Count.EqualTo(budget));
        Assert.That(b, Is.EqualTo(a), "same seed, same asks");
        Assert.That(c, Is.Not.EqualTo(a), "another seed, other asks");
    }

    /// <summary>A bad value is an <see cref="ArgumentException"/> naming the hyperparameter and what is allowed.</summary>
    public static void AssertRejects(string agent, string hyperParameter, string badValue)
    {
        using var env = AgentHarness.Synthetic("mixed")();
        var error = Assert.Throws<ArgumentException>(() =>
            AgentHarness.Create(agent, env, 1, new Dictionary<string, string> { [hyperParameter] = badValue }));
        Assert.That(error!.Message, Does.Contain(hyperParameter).And.Contain("allowed"));
    }

    /// <summary>A short run on systolic-v0 (a tiny GEMM topology): every asked point is evaluated and the reward improves on the first.</summary>
    public static IReadOnlyList<Evaluation> SystolicSmoke(string agent, IReadOnlyDictionary<string, string>? hp = null, int budget = 12, int batch = 2)
    {
        var evaluations = AgentHarness.Run(agent, SystolicTiny, budget, 3, hp, batch);
        Assert.That(evaluations, Has.Count.EqualTo(budget));
        Assert.That(evaluations.Count(e => e.Feasible), Is.GreaterThan(0));
        Assert.That(evaluations.Select(e => e.Agent).Distinct(), Is.EqualTo(new[] { agent }));
        return evaluations;
    }

    /// <summary>
    /// Mean best loss over <paramref name="seeds"/> seeds against random search on the same budget;
    /// the agent must be better by <paramref name="factor"/> (e.g. 0.5 = half random's loss) and below
    /// <paramref name="nearOptimum"/> when given. Prints both numbers for the report.
    /// </summary>
    public static (double Agent, double Random) AssertBeatsRandom(string agent, string function, int budget, int seeds = 5,
        IReadOnlyDictionary<string, string>? hp = null, double factor = 1.0, double nearOptimum = double.PositiveInfinity,
        int dimensions = 4, int batch = 1)
    {
        var make = AgentHarness.Synthetic(function, dimensions);
        var mine = AgentHarness.MeanBestLoss(agent, make, budget, seeds, hp, batch);
        var random = AgentHarness.MeanBestLoss("random_search", make, budget, seeds);
        TestContext.Out.WriteLine($"{agent} on {function}(d={dimensions}) budget {budget}, {seeds} seeds: best loss {mine:G4} vs random_search {random:G4}");
        Assert.That(mine, Is.LessThan(random * factor), $"{agent} must beat random search ({random:G4}) by factor {factor}");
        Assert.That(mine, Is.LessThan(nearOptimum), $"{agent} must get near the optimum (loss 0)");
        return (mine, random);
    }

    private static List<string> Points(IReadOnlyList<Evaluation> evaluations) => evaluations.Select(e => e.Point.ToString()).ToList();
}
