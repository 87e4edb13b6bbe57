namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// PPO's clipped surrogate objective for one sample (Schulman et al. 2017, eq. 7) with an entropy
/// bonus, as a loss to minimise: L = −min(ρA, clip(ρ, 1−ε, 1+ε)A) − c_H·H, with ρ = π(a|s)/π_old(a|s)
/// over the factored heads. Its gradient with respect to head k's logits z is
/// g·(1[j = a_k] − p_j) + c_H·p_j·(log p_j + H_k), where g = dL/dlog π = −ρA when the unclipped term
/// is the minimum and 0 when the clipped one is. With ε = ∞ and ρ = 1 it is REINFORCE's
/// −A·log π (Williams 1992).
/// </summary>
public static class ClippedSurrogate
{
    /// <summary>
    /// The loss of one sample; writes dL/d(logits) to <paramref name="gradient"/> (scaled by
    /// <paramref name="scale"/>, e.g. 1/minibatch). <paramref name="probabilities"/> is scratch of
    /// <see cref="ActionHeads.TotalLogits"/>, <paramref name="headScratch"/> of 2 × <see cref="ActionHeads.Count"/>.
    /// </summary>
    public static double Loss(ReadOnlySpan<double> logits, ActionHeads heads, ReadOnlySpan<int> actions, double oldLogProb, double advantage,
        double clip, double entropyCoef, double scale, Span<double> gradient, Span<double> probabilities, Span<double> headScratch, out double ratio)
    {
        var entropies = headScratch[..heads.Count];
        var normalizers = headScratch.Slice(heads.Count, heads.Count);
        var logProb = CategoricalHeads.LogProbability(logits, heads, actions, probabilities, entropies, normalizers, out var entropy);
        ratio = Math.Exp(logProb - oldLogProb);
        var unclipped = ratio * advantage;
        var clipped = Math.Clamp(ratio, 1 - clip, 1 + clip) * advantage;
        var g = unclipped <= clipped ? -unclipped : 0.0;
        for (var k = 0; k < heads.Count; k++)
        {
            var offset = heads.Offset(k);
            var size = heads.Size(k);
            var z = logits.Slice(offset, size);
            var p = probabilities.Slice(offset, size);
            var lse = normalizers[k];
            var hk = entropies[k];
            for (var j = 0; j < size; j++)
            {
                var logP = z[j] - lse;
                var d = g * ((j == actions[k] ? 1 : 0) - p[j]) + entropyCoef * p[j] * (logP + hk);
                gradient[offset + j] = scale * d;
            }
        }

        return -Math.Min(unclipped, clipped) - entropyCoef * entropy;
    }
}
