using ArchGym.Agents.Reinforcement;

namespace ArchGym.Agents.Tests.Reinforcement;

/// <summary>Multi-step PPO must reach the chain MDP's known optimal return, which a myopic or random policy misses.</summary>
public sealed class SequentialPpoTrainerTests
{
    /// <summary>Multi-step settings: the DSE defaults with larger batches and a smaller step (batch 32 at 0.003 can settle on the early exit).</summary>
    private static readonly PpoSettings Settings = PpoSettings.Default with { Batch = 64, Minibatch = 16, LearningRate = 0.001 };

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void ReachesTheOptimalReturnOfTheChain(int seed)
    {
        var chain = new ChainMdp();
        var trainer = new SequentialPpoTrainer(chain, Settings, seed);
        trainer.Train(3000);
        var greedy = trainer.Evaluate(1, 20);
        var recent = trainer.EpisodeReturns.TakeLast(50).Average();
        var random = UniformPolicyReturn(chain, 2000, seed);
        TestContext.Out.WriteLine($"seed {seed}: greedy return {greedy:F2} (optimum {chain.OptimalReturn:F2}) after {trainer.Steps} steps and {trainer.Updates} updates; " +
            $"last 50 training episodes {recent:F2}; uniform random policy {random:F2}");
        Assert.That(greedy, Is.EqualTo(chain.OptimalReturn).Within(1e-9));
        Assert.That(recent, Is.GreaterThan(chain.OptimalReturn - 0.2));
        Assert.That(random, Is.LessThan(0.5));
        Assert.That(trainer.Updates, Is.EqualTo(3000 / Settings.Batch));
    }

    [Test]
    public void PlugsIntoAMultiStepGymEnvironment()
    {
        using var gym = new ChainGymEnvironment();
        var env = new GymSequentialEnvironment(gym);
        Assert.That(env.ActionSizes, Is.EqualTo(new[] { 2, 3 }));
        Assert.That(env.ObservationLength, Is.EqualTo(6));
        var trainer = new SequentialPpoTrainer(env, Settings, 1);
        trainer.Train(3000);
        var greedy = trainer.Evaluate(1, 20);
        TestContext.Out.WriteLine($"through the gym adapter: greedy return {greedy:F2} (optimum {gym.OptimalReturn:F2}) after {trainer.Steps} steps");
        Assert.That(greedy, Is.EqualTo(gym.OptimalReturn).Within(1e-9));
    }

    [Test]
    public void IsDeterministicPerSeed()
    {
        IReadOnlyList<double> Run(int seed)
        {
            var trainer = new SequentialPpoTrainer(new ChainMdp(), Settings, seed);
            trainer.Train(700);
            return trainer.EpisodeReturns.ToArray();
        }

        var first = Run(5);
        Assert.That(Run(5), Is.EqualTo(first));
        Assert.That(Run(6), Is.Not.EqualTo(first));
    }

    private static double UniformPolicyReturn(ChainMdp chain, int episodes, int seed)
    {
        var rng = new Random(seed);
        var obs = new double[chain.ObservationLength];
        var actions = new int[2];
        var total = 0.0;
        for (var e = 0; e < episodes; e++)
        {
            chain.Reset(null, obs);
            while (true)
            {
                actions[0] = rng.Next(2);
                actions[1] = rng.Next(3);
                var step = chain.Step(actions, obs);
                total += step.Reward;
                if (step.Terminated || step.Truncated) break;
            }
        }

        return total / episodes;
    }
}
