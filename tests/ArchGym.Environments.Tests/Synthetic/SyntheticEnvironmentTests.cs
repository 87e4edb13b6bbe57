using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Synthetic;

namespace ArchGym.Environments.Tests.Synthetic;

public class SyntheticEnvironmentTests
{
    [TestCase("mixed")]
    [TestCase("levels")]
    [TestCase("rastrigin")]
    public void TheKnownOptimumHasZeroLossAndRandomPointsDoNot(string function)
    {
        using var env = SyntheticEnvironment.Create(new EnvironmentOptions(new Dictionary<string, string> { ["function"] = function }));
        env.Reset(0);
        var best = env.Step(env.ActionSpace.Parse(env.Function.Optimum));
        Assert.That(best.Observation.Values[0], Is.EqualTo(0).Within(1e-12));
        var rng = new Random(1);
        for (var i = 0; i < 50; i++)
            Assert.That(env.Step(env.ActionSpace.Sample(rng)).Observation.Values[0], Is.GreaterThan(0));
    }
}
