namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// PPO on a multi-step <see cref="ISequentialEnvironment"/> (Schulman et al. 2017 with GAE(λ),
/// Schulman et al. 2016): collects <c>batch</c> steps across episodes, computes advantages
/// (bootstrapping from the critic at the batch's end and, for truncated episodes, adding γ·V(next state)
/// to the last reward), and runs the clipped-surrogate epochs of a <see cref="PpoLearner"/>.
/// Observations are standardised by running statistics when asked; rewards are scaled by the running
/// standard deviation of the discounted return (<see cref="ReturnScaler"/>). Randomness comes only
/// from the seed (network initialisation, action sampling, minibatch order, the first reset).
/// </summary>
public sealed class SequentialPpoTrainer
{
    private readonly ISequentialEnvironment _env;
    private readonly PpoSettings _settings;
    private readonly RolloutBuffer _buffer;
    private readonly ReturnScaler _rewards;
    private readonly ObservationNormalizer? _observations;
    private readonly List<double> _episodeReturns = [];
    private readonly double[] _raw;
    private readonly double[] _current;
    private readonly double[] _next;
    private readonly int[] _actions;
    private readonly int _seed;
    private bool _seeded;
    private bool _inEpisode;
    private double _episodeReturn;

    public SequentialPpoTrainer(ISequentialEnvironment env, PpoSettings settings, int seed, bool normalizeObservations = true)
    {
        _env = env;
        _settings = settings;
        _seed = seed;
        var heads = new ActionHeads(env.ActionSizes);
        Learner = new PpoLearner(env.ObservationLength, heads, settings, ownCritic: true, new Random(seed));
        _buffer = new RolloutBuffer(settings.Batch, env.ObservationLength, heads.Count);
        _rewards = new ReturnScaler(settings.NormalizeRewards, settings.Gamma, settings.InfeasibleMargin);
        _observations = normalizeObservations ? new ObservationNormalizer(env.ObservationLength) : null;
        _raw = new double[env.ObservationLength];
        _current = new double[env.ObservationLength];
        _next = new double[env.ObservationLength];
        _actions = new int[heads.Count];
    }

    public PpoLearner Learner { get; }

    /// <summary>Policy updates so far.</summary>
    public int Updates { get; private set; }

    /// <summary>Total steps taken in training.</summary>
    public long Steps { get; private set; }

    /// <summary>The undiscounted environment return of every finished training episode, in order.</summary>
    public IReadOnlyList<double> EpisodeReturns => _episodeReturns;

    /// <summary>Takes <paramref name="steps"/> training steps, updating the policy after every <c>batch</c> of them.</summary>
    public void Train(int steps)
    {
        if (!_inEpisode) StartEpisode();
        for (var s = 0; s < steps; s++)
        {
            var logProb = Learner.Act(_current, _actions);
            var value = Learner.Value(_current);
            var step = _env.Step(_actions, _raw);
            Steps++;
            if (double.IsFinite(step.Reward)) _episodeReturn += step.Reward;
            var ended = step.Terminated || step.Truncated;
            var reward = _rewards.Scale(step.Reward, step.Feasible, ended);
            Observe(_next, update: true);
            if (step.Truncated && !step.Terminated) reward += _settings.Gamma * Learner.Value(_next);
            _buffer.Add(_current, _actions, logProb, value, reward, ended);
            if (ended)
            {
                _episodeReturns.Add(_episodeReturn);
                StartEpisode();
            }
            else
            {
                _next.CopyTo(_current, 0);
            }

            if (!_buffer.IsFull) continue;
            _buffer.ComputeAdvantages(Learner.Value(_current), _settings.Gamma, _settings.GaeLambda);
            Learner.Update(_buffer);
            _buffer.Clear();
            Updates++;
        }
    }

    /// <summary>
    /// The mean undiscounted return of <paramref name="episodes"/> episodes of the greedy (or sampled)
    /// policy, each cut at <paramref name="maxSteps"/>, without learning. It resets the environment, so
    /// the next <see cref="Train"/> starts a fresh episode.
    /// </summary>
    public double Evaluate(int episodes, int maxSteps, bool greedy = true)
    {
        var total = 0.0;
        for (var e = 0; e < episodes; e++)
        {
            ResetEnvironment();
            Observe(_current, update: false);
            for (var t = 0; t < maxSteps; t++)
            {
                Learner.Act(_current, _actions, greedy);
                var step = _env.Step(_actions, _raw);
                if (double.IsFinite(step.Reward)) total += step.Reward;
                if (step.Terminated || step.Truncated) break;
                Observe(_current, update: false);
            }
        }

        _inEpisode = false;
        return total / episodes;
    }

    private void StartEpisode()
    {
        ResetEnvironment();
        Observe(_current, update: true);
        _episodeReturn = 0;
        _inEpisode = true;
    }

    /// <summary>Resets with the trainer's seed the first time, then keeps the environment's random stream.</summary>
    /// <summary>
    /// The policy's choice for an observation the caller took from its own copy of the task (e.g. to compare
    /// with other schedulers on fixed seeds): standardised with the training statistics, which it does not update.
    /// </summary>
    public void Act(ReadOnlySpan<double> observation, Span<int> actions, bool greedy = true)
    {
        observation.CopyTo(_next);
        _observations?.Normalize(_next, false);
        Learner.Act(_next, actions, greedy);
    }

    private void ResetEnvironment()
    {
        _env.Reset(_seeded ? null : _seed, _raw);
        _seeded = true;
    }

    private void Observe(double[] into, bool update)
    {
        _raw.CopyTo(into, 0);
        _observations?.Normalize(into, update);
    }
}
