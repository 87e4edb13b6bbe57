namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// The transitions collected between two PPO updates: observation, one choice per head, the
/// behaviour policy's log-probability, the critic's value, reward and episode end, and — after
/// <see cref="ComputeAdvantages"/> — generalised advantage estimates and returns (Schulman et al.
/// 2016, GAE(λ)). Fixed capacity, so collecting allocates nothing.
/// </summary>
public sealed class RolloutBuffer
{
    private readonly double[] _observations;
    private readonly int[] _actions;
    private readonly double[] _logProbs;
    private readonly double[] _values;
    private readonly double[] _rewards;
    private readonly bool[] _dones;
    private readonly double[] _advantages;
    private readonly double[] _returns;

    public RolloutBuffer(int capacity, int observationLength, int heads)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "a rollout needs room for at least one step");
        Capacity = capacity;
        ObservationLength = observationLength;
        Heads = heads;
        _observations = new double[capacity * observationLength];
        _actions = new int[capacity * heads];
        _logProbs = new double[capacity];
        _values = new double[capacity];
        _rewards = new double[capacity];
        _dones = new bool[capacity];
        _advantages = new double[capacity];
        _returns = new double[capacity];
    }

    public int Capacity { get; }

    public int ObservationLength { get; }

    public int Heads { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    public ReadOnlySpan<double> Observations => _observations.AsSpan(0, Count * ObservationLength);

    public ReadOnlySpan<int> Actions => _actions.AsSpan(0, Count * Heads);

    public ReadOnlySpan<double> LogProbs => _logProbs.AsSpan(0, Count);

    /// <summary>The critic's values; writable so an external (centralised) critic can supply them.</summary>
    public Span<double> Values => _values.AsSpan(0, Count);

    public ReadOnlySpan<double> Rewards => _rewards.AsSpan(0, Count);

    /// <summary>Writable so a caller may normalise them before an update.</summary>
    public Span<double> Advantages => _advantages.AsSpan(0, Count);

    public ReadOnlySpan<double> Returns => _returns.AsSpan(0, Count);

    /// <summary>Appends one step; <paramref name="done"/> ends its episode (no bootstrapping past it).</summary>
    public void Add(ReadOnlySpan<double> observation, ReadOnlySpan<int> actions, double logProb, double value, double reward, bool done)
    {
        if (IsFull) throw new InvalidOperationException($"the rollout buffer holds {Capacity} steps; update and clear it first");
        observation.CopyTo(_observations.AsSpan(Count * ObservationLength, ObservationLength));
        actions.CopyTo(_actions.AsSpan(Count * Heads, Heads));
        _logProbs[Count] = logProb;
        _values[Count] = value;
        _rewards[Count] = reward;
        _dones[Count] = done;
        Count++;
    }

    /// <summary>
    /// GAE(λ): δ_t = r_t + γ V(s_{t+1}) (1 − done_t) − V(s_t), A_t = δ_t + γλ (1 − done_t) A_{t+1},
    /// return_t = A_t + V(s_t); <paramref name="lastValue"/> is V of the state after the last step
    /// (ignored when that step ended its episode).
    /// </summary>
    public void ComputeAdvantages(double lastValue, double gamma, double lambda)
    {
        var next = 0.0;
        var nextValue = lastValue;
        for (var t = Count - 1; t >= 0; t--)
        {
            var live = _dones[t] ? 0.0 : 1.0;
            var delta = _rewards[t] + gamma * nextValue * live - _values[t];
            next = delta + gamma * lambda * live * next;
            _advantages[t] = next;
            _returns[t] = next + _values[t];
            nextValue = _values[t];
        }
    }

    public void Clear() => Count = 0;
}
