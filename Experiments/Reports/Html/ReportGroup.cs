namespace ArchGym.Experiments.Reports.Html;

/// <summary>The runs of one environment, workload and reward formulation (rewards are comparable only within one), with their lottery rows, one per agent.</summary>
public sealed record ReportGroup(string Environment, string Workload, string Reward, IReadOnlyList<RunRecord> Runs, IReadOnlyList<LotteryRow> Lottery)
{
    public string Title => Reward.Length == 0 ? $"{Environment} ({Workload})" : $"{Environment} ({Workload}, reward {Reward})";

    public static IReadOnlyList<ReportGroup> From(IReadOnlyList<RunRecord> records) =>
        records.GroupBy(r => (r.Manifest.Environment, r.Manifest.Workload, r.Reward))
            .Select(g => new ReportGroup(g.Key.Environment, g.Key.Workload, g.Key.Reward, g.ToArray(), LotteryAnalysis.Compute(g.ToArray())))
            .ToArray();
}
