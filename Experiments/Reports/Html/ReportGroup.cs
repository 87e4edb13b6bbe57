namespace ArchGym.Experiments.Reports.Html;

/// <summary>The runs of one environment and workload (rewards are comparable only within one), with their lottery rows, one per agent.</summary>
public sealed record ReportGroup(string Environment, string Workload, IReadOnlyList<RunRecord> Runs, IReadOnlyList<LotteryRow> Lottery)
{
    public string Title => $"{Environment} ({Workload})";

    public static IReadOnlyList<ReportGroup> From(IReadOnlyList<RunRecord> records) =>
        records.GroupBy(r => (r.Manifest.Environment, r.Manifest.Workload))
            .Select(g => new ReportGroup(g.Key.Environment, g.Key.Workload, g.ToArray(), LotteryAnalysis.Compute(g.ToArray())))
            .ToArray();
}
