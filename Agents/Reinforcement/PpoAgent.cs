using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// PPO (Schulman et al. 2017) for one-step DSE through ask/tell: each design point is one episode
/// of a bandit whose observation is the constant 1, and the policy is a product of categorical heads,
/// one per parameter over its values (<see cref="ActionCodec"/>: no rounding of continuous actions;
/// reals are discretised into <c>real_bins</c>). Each ask samples from the current policy; each tell
/// turns rewards into standardised, infeasible-pessimistic ones (<see cref="DseRewardNormalizer"/>),
/// and after every <c>batch</c> told evaluations the learner runs its clipped-surrogate epochs with
/// advantages r − V (GAE with one-step episodes) and starts a new batch. Points asked before an
/// update and told after it keep their behaviour log-probabilities, so the ratio stays correct.
/// </summary>
public sealed class PpoAgent : IAgent
{
    public const string AgentName = "ppo";

    private readonly double[] _observation = [1.0];

    private readonly ActionCodec _codec;
    private readonly PpoSettings _settings;
    private readonly PpoLearner _learner;
    private readonly DseRewardNormalizer _rewards;
    private readonly RolloutBuffer _buffer;
    private readonly Queue<AskedAction> _pending = new();
    private readonly int[] _actions;

    public PpoAgent(ParameterSpace space, PpoSettings settings, int seed)
        : this(AgentName, space, settings, seed)
    {
    }

    /// <summary>The same machinery under another registry name (e.g. <see cref="ReinforceAgent"/>'s settings).</summary>
    public PpoAgent(string name, ParameterSpace space, PpoSettings settings, int seed)
    {
        Name = name;
        _codec = new ActionCodec(space, settings.RealBins, settings.MaxLevels);
        _settings = settings;
        _learner = new PpoLearner(_observation.Length, _codec.Heads, settings, ownCritic: true, new Random(seed));
        _rewards = new DseRewardNormalizer(settings.NormalizeRewards, settings.InfeasibleMargin);
        _buffer = new RolloutBuffer(settings.Batch, _observation.Length, _codec.Heads.Count);
        _actions = new int[_codec.Heads.Count];
    }

    public static AgentSpec Spec { get; } = new(
        AgentName,
        "PPO: clipped surrogate, GAE, entropy bonus, value baseline; a categorical head per knob (reals in bins), rewards standardised",
        new ParameterSpace(PpoSettings.DeclaredParameters),
        PpoSettings.DefaultValues,
        c => new PpoAgent(c.Space, PpoSettings.From(c.HyperParameters), c.Seed));

    public string Name { get; }

    public PpoLearner Learner => _learner;

    /// <summary>Policy updates so far.</summary>
    public int Updates { get; private set; }

    /// <summary>The design point of the policy's most probable choice per head.</summary>
    public DesignPoint GreedyPoint()
    {
        _learner.Act(_observation, _actions, greedy: true);
        return _codec.ToPoint(_actions);
    }

    public IReadOnlyList<DesignPoint> Ask(int count)
    {
        var points = new DesignPoint[count];
        for (var i = 0; i < count; i++)
        {
            var logProb = _learner.Act(_observation, _actions);
            var value = _learner.Value(_observation);
            _pending.Enqueue(new AskedAction((int[])_actions.Clone(), logProb, value));
            points[i] = _codec.ToPoint(_actions);
        }

        return points;
    }

    public void Tell(IReadOnlyList<Evaluation> results)
    {
        if (results.Count > _pending.Count) throw new InvalidOperationException($"told {results.Count} evaluations but only {_pending.Count} points are pending");
        foreach (var e in results)
        {
            var asked = _pending.Dequeue();
            _buffer.Add(_observation, asked.Actions, asked.LogProb, asked.Value, _rewards.Normalize(e), done: true);
            if (!_buffer.IsFull) continue;
            _buffer.ComputeAdvantages(0, _settings.Gamma, _settings.GaeLambda);
            _learner.Update(_buffer);
            _buffer.Clear();
            Updates++;
        }
    }

    private sealed record AskedAction(int[] Actions, double LogProb, double Value);
}
