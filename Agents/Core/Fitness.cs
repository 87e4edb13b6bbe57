using ArchGym.Environments.Core;

namespace ArchGym.Agents.Core;

/// <summary>
/// The scalar single-objective agents maximise: the evaluation's reward, or negative infinity when
/// the point was infeasible or its reward is not a number, so an infeasible point loses every comparison.
/// </summary>
public static class Fitness
{
    public static double Of(Evaluation evaluation) =>
        evaluation.Feasible && double.IsFinite(evaluation.Reward) ? evaluation.Reward : double.NegativeInfinity;
}
