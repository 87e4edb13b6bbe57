namespace ArchGym.Environments.Core;

/// <summary>
/// What an environment observes after a step: one value per metric, in the order of
/// <see cref="IEnvironment.Metrics"/>. Infeasible points carry NaN for metrics that could not be computed.
/// </summary>
public sealed record Observation(IReadOnlyList<double> Values)
{
    public static Observation Empty { get; } = new(Array.Empty<double>());

    /// <summary>NaN for every metric: nothing observed yet (after reset) or not computable (infeasible point).</summary>
    public static Observation Missing(int count) => new(Enumerable.Repeat(double.NaN, count).ToArray());
}
