using System.Globalization;
using ArchGym.Environments.Core.Events;

namespace ArchGym.Experiments.Reports;

/// <summary>
/// <c>lottery.csv</c>: one row per environment, workload, reward formulation (empty: the environment's default) and agent — how many settings and runs, the
/// minimum, quartiles and maximum over settings of the (median over seeds) best reward, the fraction
/// of settings reaching the target, and the best setting with its best reward and evaluations to target.
/// </summary>
public static class LotteryTable
{
    public const string FileName = "lottery.csv";

    public static readonly string[] Columns =
    [
        "environment", "workload", "reward", "agent", "settings", "runs", "best_reward_min", "best_reward_q1", "best_reward_median",
        "best_reward_q3", "best_reward_max", "fraction_reaching_target", "best_setting", "best_setting_best_reward",
        "best_setting_evaluations_to_target",
    ];

    public static void Write(TextWriter w, IReadOnlyList<LotteryRow> rows)
    {
        w.WriteLine(string.Join(",", Columns));
        foreach (var r in rows)
        {
            var b = r.BestReward;
            string[] cells =
            [
                r.Environment, r.Workload, r.Reward, r.Agent, I(r.Settings), I(r.Runs), N(b.Min), N(b.Q1), N(b.Median), N(b.Q3), N(b.Max),
                N(r.FractionReachingTarget), r.BestSetting.Setting, N(r.BestSetting.MedianBestReward), Evaluations(r.BestSetting),
            ];
            w.WriteLine(string.Join(",", cells.Select(EvaluationCsvWriter.Quote)));
        }
    }

    /// <summary>A setting's median evaluations to target, empty when it does not reach the target.</summary>
    public static string Evaluations(SettingResult s) => s.ReachesTarget ? N(s.MedianEvaluationsToTarget) : "";

    private static string N(double v) => EvaluationCsvWriter.Number(v);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
