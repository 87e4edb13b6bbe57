using ArchGym.Agents.Reinforcement;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Tests.Reinforcement;

/// <summary>The parts of PPO checked on their own: the surrogate's gradient, GAE, the action codec, reward normalisation.</summary>
public sealed class PpoPiecesTests
{
    private static readonly ActionHeads Heads = new([3, 1, 4]);

    // advantage, old log-probability (relative to the current one): inside the clip, clipped above, clipped below, negative advantage.
    [TestCase(1.3, 0.0)]
    [TestCase(0.7, -0.5)]
    [TestCase(-0.9, 0.5)]
    [TestCase(-1.1, -0.05)]
    [TestCase(2.0, 0.4)]
    public void SurrogateGradientMatchesFiniteDifferences(double advantage, double oldOffset)
    {
        double[] logits = [0.2, -0.4, 1.1, 0.0, 0.5, -1.2, 0.3, 0.9];
        int[] actions = [2, 0, 1];
        var probabilities = new double[Heads.TotalLogits];
        var scratch = new double[2 * Heads.Count];
        var current = CategoricalHeads.LogProbability(logits, Heads, actions, probabilities, new double[3], new double[3], out _);
        var oldLogProb = current + oldOffset;
        double Loss(double[] z, double[] gradient) =>
            ClippedSurrogate.Loss(z, Heads, actions, oldLogProb, advantage, 0.2, 0.05, 1, gradient, probabilities, scratch, out _);
        var analytic = new double[logits.Length];
        Loss(logits, analytic);
        const double h = 1e-6;
        var unused = new double[logits.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            var z = (double[])logits.Clone();
            z[i] += h;
            var plus = Loss(z, unused);
            z[i] -= 2 * h;
            var minus = Loss(z, unused);
            Assert.That(analytic[i], Is.EqualTo((plus - minus) / (2 * h)).Within(1e-7), $"logit {i}");
        }
    }

    [Test]
    public void AClippedRatioStopsThePolicyGradientButNotTheEntropyGradient()
    {
        double[] logits = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        int[] actions = [0, 0, 0];
        var gradient = new double[logits.Length];
        var current = CategoricalHeads.LogProbability(logits, Heads, actions, new double[8], new double[3], new double[3], out _);
        ClippedSurrogate.Loss(logits, Heads, actions, current - 1, 1, 0.2, 0, 1, gradient, new double[8], new double[6], out var ratio);
        Assert.That(ratio, Is.EqualTo(Math.E).Within(1e-12));
        Assert.That(gradient, Is.All.EqualTo(0), "ratio e > 1.2 with a positive advantage: clipped, no gradient");
    }

    [Test]
    public void GaeMatchesAHandComputation()
    {
        var buffer = new RolloutBuffer(4, 1, 1);
        double[] obs = [0];
        int[] a = [0];
        buffer.Add(obs, a, 0, 0.5, 1.0, false);
        buffer.Add(obs, a, 0, 0.2, 0.0, true);
        buffer.Add(obs, a, 0, 0.1, 2.0, false);
        buffer.Add(obs, a, 0, 0.4, -1.0, false);
        const double g = 0.9, l = 0.8, last = 0.3;
        buffer.ComputeAdvantages(last, g, l);
        var d3 = -1.0 + g * last - 0.4;
        var d2 = 2.0 + g * 0.4 - 0.1;
        var d1 = 0.0 - 0.2;
        var d0 = 1.0 + g * 0.2 - 0.5;
        double[] expected = [d0 + g * l * d1, d1, d2 + g * l * d3, d3];
        Assert.That(buffer.Advantages.ToArray(), Is.EqualTo(expected).Within(1e-12));
        Assert.That(buffer.Returns.ToArray(), Is.EqualTo(expected.Select((x, i) => x + new[] { 0.5, 0.2, 0.1, 0.4 }[i]).ToArray()).Within(1e-12));
        Assert.Throws<InvalidOperationException>(() => buffer.Add(obs, a, 0, 0, 0, true));
    }

    [Test]
    public void TheCodecGivesDiscreteKnobsTheirOwnValuesAndBinsReals()
    {
        var space = new ParameterSpace(
        [
            OrdinalParameter.PowersOfTwo("size", 1, 64),
            new CategoricalParameter("mode", ["a", "b", "c"]),
            new RealParameter("x", -1, 1),
            new IntegerParameter("n", 0, 999),
        ]);
        var codec = new ActionCodec(space, realBins: 5, maxLevels: 11);
        Assert.That(codec.Heads.Sizes, Is.EqualTo(new[] { 7, 3, 5, 11 }));
        var point = codec.ToPoint([6, 2, 1, 10]);
        Assert.That(point["size"], Is.EqualTo(64));
        Assert.That(point.GetText("mode"), Is.EqualTo("c"));
        Assert.That(point["x"], Is.EqualTo(-0.5).Within(1e-12));
        Assert.That(point["n"], Is.EqualTo(999));
        Assert.That(codec.ToPoint([0, 0, 4, 5])["n"], Is.EqualTo(500), "level 5 of 11 is the middle of 0..999");
        Assert.Throws<ArgumentOutOfRangeException>(() => codec.ToPoint([7, 0, 0, 0]));
    }

    [Test]
    public void InfeasibleRewardsArePessimisticAndStayOutOfTheStatistics()
    {
        var rewards = new DseRewardNormalizer(normalize: true, infeasibleMargin: 1.5);
        Assert.That(rewards.Normalize(double.NaN), Is.EqualTo(-1.5), "before any feasible reward");
        foreach (var r in new[] { 10.0, 20.0, 30.0 }) rewards.Normalize(r);
        var std = Math.Sqrt(200.0 / 3);
        Assert.That(rewards.Normalize(double.NaN), Is.EqualTo((10 - 20) / std - 1.5).Within(1e-12));
        Assert.That(rewards.Statistics.Count, Is.EqualTo(3));
        Assert.That(rewards.Normalize(20.0), Is.EqualTo(0).Within(1e-12), "the mean standardises to 0");
        var raw = new DseRewardNormalizer(normalize: false, infeasibleMargin: 2);
        raw.Normalize(1.0);
        raw.Normalize(3.0);
        Assert.That(raw.Normalize(double.PositiveInfinity), Is.EqualTo(1 - 2 * 1.0).Within(1e-12), "worst 1 minus 2 standard deviations (1)");
    }

    [Test]
    public void ReturnScalingDividesByTheDiscountedReturnsSpreadWithoutShifting()
    {
        var scaler = new ReturnScaler(scale: true, gamma: 0.5, infeasibleMargin: 1);
        Assert.That(scaler.Scale(4, true, false), Is.EqualTo(4), "one return seen: standard deviation 1");
        Assert.That(scaler.Scale(6, true, true), Is.EqualTo(3).Within(1e-12), "returns 4 and 0.5·4 + 6 = 8: standard deviation 2");
        Assert.That(scaler.Scale(double.NaN, false, false), Is.EqualTo(3 - 1).Within(1e-12), "worst scaled reward 3, minus the margin");
        Assert.That(scaler.Scale(-4, true, false), Is.EqualTo(-4 / Math.Sqrt(new[] { 4.0, 8, -4 }.Select(r => (r - 8.0 / 3) * (r - 8.0 / 3)).Average())).Within(1e-12), "the episode ended: the return restarts at -4");
    }

    [Test]
    public void TheSharedObservationShortcutGivesTheSameUpdate()
    {
        var heads = new ActionHeads([4, 3]);
        PpoLearner Trained(bool share)
        {
            var learner = new PpoLearner(2, heads, PpoSettings.Default with { Batch = 12, Minibatch = 5 }, true, new Random(4)) { ShareIdenticalObservations = share };
            var buffer = new RolloutBuffer(12, 2, 2);
            var rng = new Random(9);
            double[] obs = [1, -0.5];
            var actions = new int[2];
            for (var i = 0; i < 12; i++) buffer.Add(obs, actions, learner.Act(obs, actions), learner.Value(obs), rng.NextDouble(), true);
            buffer.ComputeAdvantages(0, 0.99, 0.95);
            learner.Update(buffer);
            return learner;
        }

        var fast = Trained(true);
        var slow = Trained(false);
        Assert.That(fast.Policy.Parameters.ToArray(), Is.EqualTo(slow.Policy.Parameters.ToArray()).Within(1e-12));
        Assert.That(fast.Critic!.Parameters.ToArray(), Is.EqualTo(slow.Critic!.Parameters.ToArray()).Within(1e-12));
    }
}
