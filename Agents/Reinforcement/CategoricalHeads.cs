using ArchGym.Agents.Reinforcement.Neural;

namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// A factored categorical distribution over <see cref="ActionHeads"/>: the heads are independent given
/// the observation, so the joint log-probability and entropy are sums over the heads. Works on one
/// row of logits; <c>probabilities</c> is scratch of <see cref="ActionHeads.TotalLogits"/> values.
/// </summary>
public static class CategoricalHeads
{
    /// <summary>Draws one choice per head from softmax(logits); returns the joint log-probability.</summary>
    public static double Sample(ReadOnlySpan<double> logits, ActionHeads heads, Random rng, Span<int> actions, Span<double> probabilities)
    {
        var logProb = 0.0;
        for (var k = 0; k < heads.Count; k++)
        {
            var z = logits.Slice(heads.Offset(k), heads.Size(k));
            var p = probabilities.Slice(heads.Offset(k), heads.Size(k));
            var lse = Softmax.Apply(z, p);
            var u = rng.NextDouble();
            var chosen = p.Length - 1;
            for (var j = 0; j < p.Length - 1; j++)
            {
                u -= p[j];
                if (u < 0)
                {
                    chosen = j;
                    break;
                }
            }

            actions[k] = chosen;
            logProb += z[chosen] - lse;
        }

        return logProb;
    }

    /// <summary>The most probable choice per head (the greedy policy); returns its joint log-probability.</summary>
    public static double Mode(ReadOnlySpan<double> logits, ActionHeads heads, Span<int> actions, Span<double> probabilities)
    {
        var logProb = 0.0;
        for (var k = 0; k < heads.Count; k++)
        {
            var z = logits.Slice(heads.Offset(k), heads.Size(k));
            var lse = Softmax.Apply(z, probabilities.Slice(heads.Offset(k), heads.Size(k)));
            var best = 0;
            for (var j = 1; j < z.Length; j++)
            {
                if (z[j] > z[best]) best = j;
            }

            actions[k] = best;
            logProb += z[best] - lse;
        }

        return logProb;
    }

    /// <summary>
    /// The joint log-probability of <paramref name="actions"/> and the summed entropy of the heads;
    /// leaves each head's probabilities in <paramref name="probabilities"/>, its entropy in
    /// <paramref name="headEntropies"/> and its log Σ exp(logits) in <paramref name="headLogNormalizers"/>
    /// (for <see cref="ClippedSurrogate"/>'s gradient).
    /// </summary>
    public static double LogProbability(ReadOnlySpan<double> logits, ActionHeads heads, ReadOnlySpan<int> actions,
        Span<double> probabilities, Span<double> headEntropies, Span<double> headLogNormalizers, out double entropy)
    {
        var logProb = 0.0;
        entropy = 0;
        for (var k = 0; k < heads.Count; k++)
        {
            var z = logits.Slice(heads.Offset(k), heads.Size(k));
            var p = probabilities.Slice(heads.Offset(k), heads.Size(k));
            var lse = Softmax.Apply(z, p);
            var h = 0.0;
            for (var j = 0; j < z.Length; j++) h -= p[j] * (z[j] - lse);
            headEntropies[k] = h;
            headLogNormalizers[k] = lse;
            entropy += h;
            logProb += z[actions[k]] - lse;
        }

        return logProb;
    }
}
