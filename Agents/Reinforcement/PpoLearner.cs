using ArchGym.Agents.Core;
using ArchGym.Agents.Reinforcement.Neural;

namespace ArchGym.Agents.Reinforcement;

/// <summary>What one PPO update did: mean losses over its gradient steps, the mean approximate KL
/// divergence from the behaviour policy (E[log π_old − log π]) and the fraction of clipped ratios.</summary>
public readonly record struct PpoUpdateStats(int GradientSteps, double PolicyLoss, double ValueLoss, double ApproxKl, double ClipFraction);

/// <summary>
/// One PPO learner (Schulman et al. 2017): an actor network from observations to the logits of
/// factored categorical heads and, unless an external (e.g. centralised) critic supplies values, a
/// separate critic network. <see cref="Update"/> runs <c>epochs</c> passes of shuffled minibatches
/// over a <see cref="RolloutBuffer"/> whose advantages are computed, minimising the clipped surrogate
/// with entropy bonus plus value_coef × the critic's squared error; the actor's and critic's gradients
/// are clipped together to max_grad_norm (as one optimiser over both would) and each network takes an
/// Adam step. Advantages are standardised over the batch. Networks: orthogonal initialisation with
/// gain √2 in hidden layers, 0.01 on the policy logits and 1 on the value (Andrychowicz et al. 2021).
/// All buffers are sized up front: acting and updating allocate nothing.
/// </summary>
public sealed class PpoLearner
{
    private readonly PpoSettings _settings;
    private readonly Random _rng;
    private readonly Adam _policyAdam;
    private readonly Adam? _criticAdam;
    private readonly int _observationLength;
    private readonly int _minibatch;
    private readonly double[] _mbObservations;
    private readonly int[] _mbActions;
    private readonly double[] _logitGradients;
    private readonly double[] _valueGradients;
    private readonly double[] _probabilities;
    private readonly double[] _headScratch;
    private readonly int[] _order;
    private readonly double[] _logitsObservation;
    private readonly double[] _cachedLogits;
    private readonly double[] _valueObservation;
    private bool _logitsCached;
    private bool _valueCached;
    private double _cachedValue;

    public PpoLearner(int observationLength, ActionHeads heads, PpoSettings settings, bool ownCritic, Random rng)
    {
        if (observationLength < 1) throw new ArgumentOutOfRangeException(nameof(observationLength), observationLength, "an observation needs at least one value");
        _settings = settings;
        _rng = rng;
        Heads = heads;
        _observationLength = observationLength;
        var hidden = settings.Hidden();
        Policy = Network.Create(observationLength, hidden, heads.TotalLogits, settings.Activation, Activation.Identity, WeightInit.Orthogonal, rng,
            Math.Sqrt(2), 0.01);
        _policyAdam = new Adam(Policy.Parameters.Length, settings.LearningRate, epsilon: PpoSettings.AdamEpsilon);
        if (ownCritic)
        {
            Critic = Network.Create(observationLength, hidden, 1, settings.Activation, Activation.Identity, WeightInit.Orthogonal, rng, Math.Sqrt(2), 1);
            _criticAdam = new Adam(Critic.Parameters.Length, settings.LearningRate, epsilon: PpoSettings.AdamEpsilon);
        }

        _minibatch = Math.Max(1, Math.Min(settings.Minibatch, settings.Batch));
        _mbObservations = new double[_minibatch * observationLength];
        _mbActions = new int[_minibatch * heads.Count];
        _logitGradients = new double[Math.Max(2, _minibatch) * heads.TotalLogits];
        _valueGradients = new double[_minibatch];
        _probabilities = new double[heads.TotalLogits];
        _headScratch = new double[2 * heads.Count];
        _order = new int[settings.Batch];
        _logitsObservation = new double[observationLength];
        _cachedLogits = new double[heads.TotalLogits];
        _valueObservation = new double[observationLength];
    }

    public ActionHeads Heads { get; }

    /// <summary>
    /// Whether a minibatch whose observations are all identical runs the networks once (exact; see
    /// <see cref="SameObservation"/>). On by default; off only to check the two paths agree.
    /// </summary>
    public bool ShareIdenticalObservations { get; set; } = true;

    public Network Policy { get; }

    /// <summary>The learner's own critic, or null when values come from outside.</summary>
    public Network? Critic { get; }

    /// <summary>Samples (or, when <paramref name="greedy"/>, picks the mode of) one action; returns its log-probability.</summary>
    public double Act(ReadOnlySpan<double> observation, Span<int> actions, bool greedy = false)
    {
        var logits = Logits(observation);
        return greedy
            ? CategoricalHeads.Mode(logits, Heads, actions, _probabilities)
            : CategoricalHeads.Sample(logits, Heads, _rng, actions, _probabilities);
    }

    /// <summary>The critic's value of one observation (0 without an own critic).</summary>
    public double Value(ReadOnlySpan<double> observation)
    {
        if (Critic is null) return 0;
        if (!_valueCached || !observation.SequenceEqual(_valueObservation))
        {
            observation.CopyTo(_valueObservation);
            _cachedValue = Critic.Forward(observation, 1)[0];
            _valueCached = true;
        }

        return _cachedValue;
    }

    /// <summary>Drops the remembered outputs (call after changing the networks' parameters from outside).</summary>
    public void ForgetCachedOutputs()
    {
        _logitsCached = false;
        _valueCached = false;
    }

    /// <summary>
    /// The policy's logits of one observation, remembered until the next update or another observation
    /// (one-step DSE asks the same constant observation every time).
    /// </summary>
    private ReadOnlySpan<double> Logits(ReadOnlySpan<double> observation)
    {
        if (!_logitsCached || !observation.SequenceEqual(_logitsObservation))
        {
            observation.CopyTo(_logitsObservation);
            Policy.Forward(observation, 1).CopyTo(_cachedLogits);
            _logitsCached = true;
        }

        return _cachedLogits;
    }

    /// <summary>Runs the PPO epochs over the buffer (its advantages and returns must be computed).</summary>
    public PpoUpdateStats Update(RolloutBuffer buffer)
    {
        var n = buffer.Count;
        if (n == 0) return default;
        ForgetCachedOutputs();
        if (n > _order.Length) throw new ArgumentException($"the learner was sized for batches of {_order.Length}, got {n}");
        StandardizeAdvantages(buffer.Advantages);
        var order = _order.AsSpan(0, n);
        double policyLoss = 0, valueLoss = 0, kl = 0, clipped = 0;
        var steps = 0;
        for (var epoch = 0; epoch < _settings.Epochs; epoch++)
        {
            for (var i = 0; i < n; i++) order[i] = i;
            _rng.Shuffle(order);
            for (var start = 0; start < n; start += _minibatch)
            {
                var m = Math.Min(_minibatch, n - start);
                var (pl, vl, k, c) = Step(buffer, order.Slice(start, m));
                policyLoss += pl;
                valueLoss += vl;
                kl += k;
                clipped += c;
                steps++;
            }
        }

        return new PpoUpdateStats(steps, policyLoss / steps, valueLoss / steps, kl / steps, clipped / steps);
    }

    private (double PolicyLoss, double ValueLoss, double Kl, double ClipFraction) Step(RolloutBuffer buffer, ReadOnlySpan<int> rows)
    {
        var m = rows.Length;
        int obsLen = _observationLength, nHeads = Heads.Count, width = Heads.TotalLogits;
        var observations = buffer.Observations;
        var actions = buffer.Actions;
        var shared = ShareIdenticalObservations && SameObservation(observations, rows);
        var distinct = shared ? 1 : m;
        for (var i = 0; i < m; i++)
        {
            if (i < distinct) observations.Slice(rows[i] * obsLen, obsLen).CopyTo(_mbObservations.AsSpan(i * obsLen, obsLen));
            actions.Slice(rows[i] * nHeads, nHeads).CopyTo(_mbActions.AsSpan(i * nHeads, nHeads));
        }

        Policy.ZeroGradients();
        var logits = Policy.Forward(_mbObservations, distinct);
        double policyLoss = 0, kl = 0, clippedCount = 0;
        var scale = 1.0 / m;
        var row = _logitGradients.AsSpan(0, width);
        for (var i = 0; i < m; i++)
        {
            var r = rows[i];
            var into = shared ? _logitGradients.AsSpan(width, width) : _logitGradients.AsSpan(i * width, width);
            policyLoss += ClippedSurrogate.Loss(logits.Slice(shared ? 0 : i * width, width), Heads, _mbActions.AsSpan(i * nHeads, nHeads),
                buffer.LogProbs[r], buffer.Advantages[r], _settings.Clip, _settings.EntropyCoef, scale, into, _probabilities, _headScratch, out var ratio);
            if (shared)
            {
                if (i == 0) row.Clear();
                for (var j = 0; j < width; j++) row[j] += into[j];
            }

            kl += ratio > 0 ? -Math.Log(ratio) : 0;
            if (Math.Abs(ratio - 1) > _settings.Clip) clippedCount++;
        }

        Policy.Backward(_logitGradients.AsSpan(0, distinct * width));
        var valueLoss = 0.0;
        if (Critic is not null)
        {
            Critic.ZeroGradients();
            var values = Critic.Forward(_mbObservations, distinct);
            if (shared) _valueGradients[0] = 0;
            for (var i = 0; i < m; i++)
            {
                var error = values[shared ? 0 : i] - buffer.Returns[rows[i]];
                valueLoss += 0.5 * error * error * scale;
                var g = _settings.ValueCoef * error * scale;
                if (shared) _valueGradients[0] += g;
                else _valueGradients[i] = g;
            }

            Critic.Backward(_valueGradients.AsSpan(0, distinct));
        }

        GradientClipping.ClipGlobalNorm(Policy.Gradients, Critic is null ? [] : Critic.Gradients, _settings.MaxGradNorm);
        _policyAdam.Step(Policy.Parameters, Policy.Gradients);
        if (Critic is not null) _criticAdam!.Step(Critic.Parameters, Critic.Gradients);
        return (policyLoss * scale, valueLoss, kl * scale, clippedCount * scale);
    }

    /// <summary>
    /// True when every row of the minibatch has the same observation (the one-step DSE bandit): the
    /// networks then run forward once and backpropagate the summed output gradient, which is exactly
    /// the batch's gradient (the Jacobian is the same for every row) at 1/m of the cost.
    /// </summary>
    private bool SameObservation(ReadOnlySpan<double> observations, ReadOnlySpan<int> rows)
    {
        var first = observations.Slice(rows[0] * _observationLength, _observationLength);
        for (var i = 1; i < rows.Length; i++)
        {
            if (!observations.Slice(rows[i] * _observationLength, _observationLength).SequenceEqual(first)) return false;
        }

        return true;
    }

    private static void StandardizeAdvantages(Span<double> advantages)
    {
        if (advantages.Length < 2) return;
        var mean = 0.0;
        foreach (var a in advantages) mean += a;
        mean /= advantages.Length;
        var variance = 0.0;
        foreach (var a in advantages) variance += (a - mean) * (a - mean);
        var std = Math.Sqrt(variance / advantages.Length) + 1e-8;
        for (var i = 0; i < advantages.Length; i++) advantages[i] = (advantages[i] - mean) / std;
    }
}
