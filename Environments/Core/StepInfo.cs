namespace ArchGym.Environments.Core;

/// <summary>
/// Gymnasium's <c>info</c> dictionary, typed. Feasibility is a first-class result: an infeasible
/// point is reported as such with the reason, never disguised as a magic penalty number.
/// </summary>
public sealed record StepInfo(
    bool Feasible,
    string? InfeasibleReason = null,
    bool FromCache = false,
    IReadOnlyDictionary<string, double>? Extra = null)
{
    public static StepInfo Ok { get; } = new(true);
}
