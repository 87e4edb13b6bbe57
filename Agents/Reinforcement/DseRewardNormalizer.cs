using ArchGym.Environments.Core;

namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// Rewards of one-step (bandit-like) DSE evaluations as PPO sees them. DSE rewards vary in scale by
/// environment and reward formulation, so a feasible reward is standardised by the running mean and
/// standard deviation of the feasible rewards seen so far (each episode has exactly one reward, so the
/// shift changes no policy's ranking). An infeasible evaluation (Feasible false or a non-finite reward)
/// gets the pessimistic reward "worst standardised feasible reward seen minus <c>infeasible_margin</c>
/// standard deviations" (−margin before any feasible one), and does not enter the statistics. With
/// normalisation off, rewards are raw and the margin is in units of the running standard deviation.
/// </summary>
public sealed class DseRewardNormalizer(bool normalize, double infeasibleMargin)
{
    private readonly RunningMeanStd _stats = new();
    private double _worst = double.PositiveInfinity;

    public RunningMeanStd Statistics => _stats;

    public double Normalize(Evaluation evaluation) =>
        Normalize(evaluation.Feasible && double.IsFinite(evaluation.Reward) ? evaluation.Reward : double.NaN);

    /// <summary>The reward PPO learns from; NaN stands for an infeasible evaluation.</summary>
    public double Normalize(double reward)
    {
        if (double.IsFinite(reward))
        {
            _stats.Add(reward);
            _worst = Math.Min(_worst, reward);
            return normalize ? _stats.Standardize(reward) : reward;
        }

        if (double.IsPositiveInfinity(_worst)) return normalize ? -infeasibleMargin : -infeasibleMargin * _stats.StandardDeviation;
        return normalize ? _stats.Standardize(_worst) - infeasibleMargin : _worst - infeasibleMargin * _stats.StandardDeviation;
    }
}
