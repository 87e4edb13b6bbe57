namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// Reward scaling for multi-step episodes (as in Stable-Baselines' VecNormalize; Engstrom et al.
/// 2020): each reward is divided by the running standard deviation of the discounted return, without
/// shifting (a shift would change which episode lengths pay). An infeasible step gets the worst scaled
/// reward seen minus <c>infeasible_margin</c> (−margin before any) and does not enter the statistics.
/// </summary>
public sealed class ReturnScaler(bool scale, double gamma, double infeasibleMargin)
{
    private readonly RunningMeanStd _returns = new();
    private double _discounted;
    private double _worst = double.PositiveInfinity;

    /// <summary>The reward to learn from; <paramref name="episodeEnded"/> restarts the discounted return.</summary>
    public double Scale(double reward, bool feasible, bool episodeEnded)
    {
        double scaled;
        if (feasible && double.IsFinite(reward))
        {
            _discounted = gamma * _discounted + reward;
            _returns.Add(_discounted);
            scaled = scale ? reward / _returns.StandardDeviation : reward;
            _worst = Math.Min(_worst, scaled);
        }
        else
        {
            scaled = (double.IsPositiveInfinity(_worst) ? 0 : _worst) - infeasibleMargin;
        }

        if (episodeEnded) _discounted = 0;
        return scaled;
    }
}
