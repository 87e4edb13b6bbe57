using System.Globalization;

namespace ArchGym.Experiments.Reports.Html;

/// <summary>What the report covers: the runs, environments, agents and targets (for a single run, its run.json facts).</summary>
public static class SummarySection
{
    public static void Write(HtmlPage page, string folder, IReadOnlyList<RunRecord> records, bool sweep)
    {
        page.OpenSection("summary");
        if (sweep)
        {
            page.Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"Sweep folder {folder}: {records.Count} complete runs, {records.Sum(r => (long)r.Manifest.Evaluations)} evaluations, " +
                $"{records.Sum(r => r.Manifest.WallSeconds):0.0} s of run time."));
            page.Table(["environment", "workload", "reward", "agents", "runs", "targets"],
                records.GroupBy(r => (r.Manifest.Environment, r.Manifest.Workload, r.Reward)).Select(g => (IReadOnlyList<string>)
                [
                    g.Key.Environment, g.Key.Workload, g.Key.Reward.Length == 0 ? "default" : g.Key.Reward, string.Join(", ", g.Select(r => r.Manifest.Agent).Distinct()),
                    g.Count().ToString(CultureInfo.InvariantCulture), Targets(g.First()),
                ]),
                "summary");
        }
        else
        {
            var m = records[0].Manifest;
            page.Table(["run", "value"],
            [
                ["name", m.Name], ["status", m.Status], ["environment", $"{m.Environment} ({m.Workload})"], ["agent", m.Agent],
                ["hyperparameters", m.HyperParameters.Count == 0 ? "defaults" : string.Join(", ", m.HyperParameters.Select(p => $"{p.Key}={p.Value}"))],
                ["seed", m.Seed.ToString(CultureInfo.InvariantCulture)], ["evaluations", $"{m.Evaluations} ({m.FeasibleEvaluations} feasible)"],
                ["targets", Targets(records[0])], ["evaluations to target", m.EvaluationsToTarget?.ToString(CultureInfo.InvariantCulture) ?? "never"],
                ["wall time", string.Create(CultureInfo.InvariantCulture, $"{m.WallSeconds:0.00} s")],
            ], "summary");
        }

        page.CloseSection();
    }

    private static string Targets(RunRecord r) =>
        r.Manifest.ResolvedTargets.Count == 0 ? "none" : string.Join(", ", r.Manifest.ResolvedTargets.Select(t => $"{t.Key}={Svg.Labels.Number(t.Value)}"));
}
