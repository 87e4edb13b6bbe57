using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Events;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Synthetic;

namespace ArchGym.Agents.Tests.Core;

public class SearchLoopTests
{
    private static IEnvironment Synthetic(string function = "mixed", string extra = "") =>
        SyntheticEnvironment.Create(new EnvironmentOptions(new Dictionary<string, string> { ["function"] = function, ["targets"] = extra }));

    private static List<Evaluation> Run(string agent, int budget, int batch, int parallelism, int seed = 3, Func<IEnvironment>? make = null)
    {
        make ??= () => Synthetic();
        using var probe = make();
        var a = AgentRegistry.CreateDefault().Create(agent, probe.ActionSpace, probe.Metrics, new Dictionary<string, string>(), seed);
        var seen = new List<Evaluation>();
        using var stream = new EvaluationStream();
        using var sub = stream.Subscribe(seen.Add);
        new SearchLoop().Run(make, a, new SearchOptions(budget, batch, parallelism, seed), stream, CancellationToken.None);
        return seen;
    }

    private static string Signature(IEnumerable<Evaluation> evaluations) =>
        string.Join("\n", evaluations.Select(e => $"{e.Step} {e.Point} {e.Reward:R} {e.Feasible}"));

    [Test]
    public void PublishesEveryEvaluationOnceInStepOrderWithinTheBudget()
    {
        var seen = Run("random_search", 50, 8, 1);
        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(e => e.Step), Is.EqualTo(Enumerable.Range(0, 50).Select(i => (long)i)));
            Assert.That(seen.Select(e => e.Agent).Distinct(), Is.EqualTo(new[] { "random_search" }));
            Assert.That(seen.All(e => e.Environment == "synthetic-v0" && e.Seed == 3), Is.True);
        });
    }

    [TestCase("random_search")]
    [TestCase("random_walk")]
    public void ParallelWorkersPublishTheSameSequenceAsOne(string agent) =>
        Assert.That(Signature(Run(agent, 64, 16, 4)), Is.EqualTo(Signature(Run(agent, 64, 16, 1))));

    [Test]
    public void SameSeedSameRunOtherSeedOtherRun()
    {
        var first = Signature(Run("random_walk", 30, 1, 1, seed: 9));
        var again = Signature(Run("random_walk", 30, 1, 1, seed: 9));
        Assert.That(again, Is.EqualTo(first));
        Assert.That(Signature(Run("random_walk", 30, 1, 1, seed: 9)), Is.Not.EqualTo(Signature(Run("random_walk", 30, 1, 1, seed: 10))));
    }

    [Test]
    public void EnvironmentsAreResetAfterAnEpisodeEnds()
    {
        // Every point meets loss <= 1e9, so every step terminates its episode; the loop must reset and go on.
        var seen = Run("random_search", 20, 1, 1, make: () => Synthetic("mixed", "loss=1e9"));
        Assert.That(seen, Has.Count.EqualTo(20));
    }

    [Test]
    public void CancellationStopsBetweenBatchesAndKeepsWhatWasEvaluated()
    {
        using var env = Synthetic();
        var agent = AgentRegistry.CreateDefault().Create("random_search", env.ActionSpace, env.Metrics, new Dictionary<string, string>(), 1);
        using var cts = new CancellationTokenSource();
        var seen = new List<Evaluation>();
        using var stream = new EvaluationStream();
        using var sub = stream.Subscribe(e =>
        {
            seen.Add(e);
            if (seen.Count == 10) cts.Cancel();
        });
        var result = new SearchLoop().Run(() => Synthetic(), agent, new SearchOptions(1000, 5, 1, 1), stream, cts.Token);
        Assert.That(result.Cancelled && result.Evaluations == 10 && seen.Count == 10, Is.True);
    }

    [Test]
    public void AnAgentWithNothingLeftToAskEndsTheRun()
    {
        using var env = Synthetic();
        using var stream = new EvaluationStream();
        var result = new SearchLoop().Run(() => Synthetic(), new FixedAgent(env.ActionSpace, 3), new SearchOptions(100, 2, 1, 0), stream, CancellationToken.None);
        Assert.That(result.Exhausted && result.Evaluations == 3, Is.True);
    }

    [Test]
    public void BadOptionsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new SearchOptions(0, 1, 1, 0).Validate());
        Assert.Throws<ArgumentException>(() => new SearchOptions(1, 0, 1, 0).Validate());
        Assert.Throws<ArgumentException>(() => new SearchOptions(1, 1, 0, 0).Validate());
    }

    private sealed class FixedAgent(ParameterSpace space, int total) : IAgent
    {
        private readonly Random _rng = new(0);
        private int _asked;

        public string Name => "fixed";

        public IReadOnlyList<DesignPoint> Ask(int count)
        {
            var n = Math.Min(count, total - _asked);
            _asked += n;
            return Enumerable.Range(0, n).Select(_ => space.Sample(_rng)).ToArray();
        }

        public void Tell(IReadOnlyList<Evaluation> results)
        {
        }
    }
}
