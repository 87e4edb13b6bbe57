using System.Globalization;
using ArchGym.Experiments.Reports.Svg;

namespace ArchGym.Experiments.Reports.Html;

/// <summary>The best runs of each environment and workload by best reward (ties: fewer evaluations to target, then sweep order), with their designs and metrics.</summary>
public static class BestDesignsSection
{
    public static void Write(HtmlPage page, IReadOnlyList<ReportGroup> groups, int top)
    {
        page.OpenSection("best-designs");
        page.Heading(2, "Best designs");
        foreach (var group in groups)
        {
            var best = group.Runs.Where(r => r.Manifest.Best is not null)
                .OrderByDescending(r => r.Manifest.Best!.Reward)
                .ThenBy(r => r.Manifest.EvaluationsToTarget ?? long.MaxValue)
                .Take(top).ToArray();
            page.Heading(3, group.Title);
            if (best.Length == 0)
            {
                page.Paragraph("No run found a feasible design.", "note");
                continue;
            }

            page.Table(["run", "agent", "seed", "setting", "best reward", "at step", "evaluations to target", "design", "metrics"],
                best.Select(r =>
                {
                    var m = r.Manifest;
                    return (IReadOnlyList<string>)
                    [
                        r.Id, m.Agent, m.Seed.ToString(CultureInfo.InvariantCulture), r.Setting, Labels.Number(m.Best!.Reward),
                        m.Best.Step.ToString(CultureInfo.InvariantCulture), m.EvaluationsToTarget?.ToString(CultureInfo.InvariantCulture) ?? "never",
                        string.Join(", ", m.Best.Parameters.Select(p => $"{p.Key}={p.Value}")),
                        string.Join(", ", m.Best.Metrics.Select(p => $"{p.Key}={Labels.Number(p.Value)}")),
                    ];
                }),
                "designs");
        }

        page.CloseSection();
    }
}
