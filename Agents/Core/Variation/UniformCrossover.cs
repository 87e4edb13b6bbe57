namespace ArchGym.Agents.Core.Variation;

/// <summary>
/// Uniform crossover (Syswerda 1989): each gene of the child comes from either parent with equal
/// chance. It is valid for every parameter kind because genes are copied, never blended.
/// </summary>
public static class UniformCrossover
{
    /// <summary>Writes two complementary children of <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static void Apply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> childA, Span<double> childB, Random rng)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var swap = rng.Next(2) == 0;
            childA[i] = swap ? b[i] : a[i];
            childB[i] = swap ? a[i] : b[i];
        }
    }
}
