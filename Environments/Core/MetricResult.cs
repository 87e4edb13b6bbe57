namespace ArchGym.Environments.Core;

/// <summary>What a simulator-backed evaluation produced: metric values (in metric order) or why the point is infeasible.</summary>
public sealed record MetricResult(bool Feasible, IReadOnlyList<double> Values, string? InfeasibleReason, IReadOnlyDictionary<string, double>? Extra)
{
    public static MetricResult Ok(IReadOnlyList<double> values, IReadOnlyDictionary<string, double>? extra = null) => new(true, values, null, extra);

    public static MetricResult Infeasible(string reason) => new(false, [], reason, null);
}
