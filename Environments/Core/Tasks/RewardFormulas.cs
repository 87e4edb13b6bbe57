namespace ArchGym.Environments.Core.Tasks;

/// <summary>
/// ArchGym's closeness reward (DRAMGym's <c>calculate_reward</c>): per targeted metric
/// <c>target / |x - target|</c>, multiplied over the metrics (its "both" form). It peaks at the
/// target from either side; the distance is floored at 1e-9 |target| so a hit is large but finite.
/// </summary>
public sealed class ClosenessReward(IReadOnlyList<ResolvedTerm> targets) : IRewardFunction
{
    public string Name => RewardFunctions.Closeness;

    public double Compute(ReadOnlySpan<double> metricValues)
    {
        var reward = 1.0;
        foreach (var t in targets)
        {
            var distance = Math.Max(Math.Abs(metricValues[t.Index] - t.Value), 1e-9 * Math.Abs(t.Value));
            reward *= Math.Abs(t.Value) / distance;
        }

        return reward;
    }
}

/// <summary>
/// ArchGym's Timeloop-style reward: minus the sum over targeted metrics of ReLU of the relative
/// excess over the target, <c>-Σ max(0, s (x - t) / |t|)</c> with s = +1 for minimised metrics and
/// -1 for maximised ones. 0 means every target is met; it never rewards beating a target further.
/// </summary>
public sealed class ReluExcessReward(IReadOnlyList<ResolvedTerm> targets) : IRewardFunction
{
    public string Name => RewardFunctions.ReluExcess;

    public double Compute(ReadOnlySpan<double> metricValues)
    {
        var excess = 0.0;
        foreach (var t in targets) excess += Math.Max(0, t.Sign * (metricValues[t.Index] - t.Value) / Math.Abs(t.Value));
        return 0.0 - excess; // +0, not -0, when every target is met
    }
}

/// <summary>
/// Normalised distance to a budget (FARSI-style): minus the Euclidean norm of the relative
/// deviations <c>(x - t) / |t|</c> over the targeted metrics, counting only the side that breaks the
/// budget (s (x - t) &gt; 0) at full weight and the side under budget at <see cref="SlackWeight"/>, so
/// a design is pulled onto the budget rather than rewarded for wasting slack.
/// </summary>
public sealed class BudgetDistanceReward(IReadOnlyList<ResolvedTerm> targets) : IRewardFunction
{
    public const double SlackWeight = 0.1;

    public string Name => RewardFunctions.BudgetDistance;

    public double Compute(ReadOnlySpan<double> metricValues)
    {
        var sum = 0.0;
        foreach (var t in targets)
        {
            var d = t.Sign * (metricValues[t.Index] - t.Value) / Math.Abs(t.Value);
            var w = d > 0 ? 1 : SlackWeight;
            sum += w * d * d;
        }

        return -Math.Sqrt(sum);
    }
}

/// <summary>
/// A weighted sum of metrics, each signed by its direction and divided by its target when one is
/// given (so terms are comparable): <c>Σ w (-s) x / scale</c>. With one metric it is plain "minimise x".
/// </summary>
public sealed class WeightedSumReward(IReadOnlyList<ResolvedTerm> weights, IReadOnlyDictionary<int, double> scales) : IRewardFunction
{
    public string Name => RewardFunctions.WeightedSum;

    public double Compute(ReadOnlySpan<double> metricValues)
    {
        var sum = 0.0;
        foreach (var w in weights)
        {
            var scale = scales.TryGetValue(w.Index, out var s) ? Math.Abs(s) : 1;
            sum -= w.Value * w.Sign * metricValues[w.Index] / scale;
        }

        return sum;
    }
}
