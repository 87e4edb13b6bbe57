namespace ArchGym.Experiments.Reports;

/// <summary>
/// One hyperparameter setting of an agent on one environment and workload, over its seeds: the
/// median best reward, and the median evaluations to reach the targets counting a seed that never
/// reached them as infinite (so the setting reaches the target when more than half its seeds do).
/// </summary>
public sealed record SettingResult(
    string Environment, string Workload, string Reward, string Agent, string Setting, IReadOnlyList<RunRecord> Runs,
    double MedianBestReward, double MedianEvaluationsToTarget)
{
    public bool ReachesTarget => double.IsFinite(MedianEvaluationsToTarget);
}

/// <summary>
/// The hyperparameter lottery of one agent on one environment and workload (after ArchGym's
/// "lottery" analysis): the spread of best reward over settings, the fraction of settings that reach
/// the target, and the best setting (highest median best reward; ties go to the fewer evaluations to
/// target, then to the earlier setting) with its sample efficiency.
/// </summary>
public sealed record LotteryRow(
    string Environment, string Workload, string Reward, string Agent, int Settings, int Runs, FiveNumbers BestReward,
    double FractionReachingTarget, SettingResult BestSetting);

public static class LotteryAnalysis
{
    /// <summary>Settings in order of first appearance, grouped by environment, workload, reward, agent and setting (everything but the seed).</summary>
    public static IReadOnlyList<SettingResult> Settings(IReadOnlyList<RunRecord> records) =>
        records.GroupBy(r => (r.Manifest.Environment, r.Manifest.Workload, r.Reward, r.Manifest.Agent, r.Setting))
            .Select(g => new SettingResult(g.Key.Environment, g.Key.Workload, g.Key.Reward, g.Key.Agent, g.Key.Setting, g.ToArray(),
                Quantiles.Median(g.Select(BestReward).Where(double.IsFinite)),
                Quantiles.Median(g.Select(r => r.Manifest.EvaluationsToTarget is { } n ? n : double.PositiveInfinity))))
            .ToArray();

    public static IReadOnlyList<LotteryRow> Compute(IReadOnlyList<RunRecord> records) =>
        Settings(records).GroupBy(s => (s.Environment, s.Workload, s.Reward, s.Agent))
            .Select(g =>
            {
                var settings = g.ToArray();
                return new LotteryRow(g.Key.Environment, g.Key.Workload, g.Key.Reward, g.Key.Agent, settings.Length, settings.Sum(s => s.Runs.Count),
                    Quantiles.Summary(settings.Select(s => s.MedianBestReward)),
                    settings.Count(s => s.ReachesTarget) / (double)settings.Length,
                    Best(settings));
            })
            .ToArray();

    public static double BestReward(RunRecord r) => r.Manifest.Best?.Reward ?? double.NaN;

    private static SettingResult Best(IReadOnlyList<SettingResult> settings)
    {
        var best = settings[0];
        foreach (var s in settings.Skip(1))
        {
            var reward = Order(s.MedianBestReward).CompareTo(Order(best.MedianBestReward));
            if (reward > 0 || (reward == 0 && s.MedianEvaluationsToTarget < best.MedianEvaluationsToTarget)) best = s;
        }

        return best;
    }

    private static double Order(double reward) => double.IsNaN(reward) ? double.NegativeInfinity : reward;
}
