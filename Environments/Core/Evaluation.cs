using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Environments.Core;

/// <summary>
/// One evaluated design point, as published on the evaluation stream and written as one dataset
/// row. <see cref="MetricValues"/> follow the order of the environment's <see cref="IEnvironment.Metrics"/>.
/// <see cref="Step"/> is the 0-based index of the evaluation within its run.
/// </summary>
public sealed record Evaluation(
    string Environment,
    string Workload,
    DesignPoint Point,
    IReadOnlyList<double> MetricValues,
    double Reward,
    bool Feasible,
    string? InfeasibleReason,
    string Agent,
    int Seed,
    long Step,
    double WallMs);
