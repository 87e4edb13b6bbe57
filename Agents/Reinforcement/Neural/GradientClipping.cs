namespace ArchGym.Agents.Reinforcement.Neural;

/// <summary>
/// Clipping by global norm (Pascanu, Mikolov &amp; Bengio 2013): when the Euclidean norm of all the
/// gradients together exceeds the limit, every gradient is scaled by limit / norm, keeping its direction.
/// </summary>
public static class GradientClipping
{
    public static double GlobalNorm(ReadOnlySpan<double> gradients) => Math.Sqrt(VectorKernels.Dot(gradients, gradients));

    /// <summary>Clips one gradient vector; returns its norm before clipping.</summary>
    public static double ClipGlobalNorm(Span<double> gradients, double maxNorm) => ClipGlobalNorm(gradients, [], maxNorm);

    /// <summary>Clips two gradient vectors (e.g. an actor's and a critic's) as one; returns their joint norm before clipping.</summary>
    public static double ClipGlobalNorm(Span<double> first, Span<double> second, double maxNorm)
    {
        var norm = Math.Sqrt(VectorKernels.Dot(first, first) + VectorKernels.Dot(second, second));
        if (norm <= maxNorm || norm == 0 || !double.IsFinite(maxNorm)) return norm;
        var scale = maxNorm / norm;
        for (var i = 0; i < first.Length; i++) first[i] *= scale;
        for (var i = 0; i < second.Length; i++) second[i] *= scale;
        return norm;
    }
}
