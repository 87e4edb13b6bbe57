using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Runner;
using ArchGym.Experiments.Reports.Svg;

namespace ArchGym.Experiments.Reports.Html;

/// <summary>
/// Pareto fronts over two metrics of multi-objective environments: every feasible evaluation of the
/// group as a grey dot (thinned to a few thousand), each agent's front over all its runs as a
/// staircase, and the targets as dashed lines. The metrics are chosen (<c>--pareto a,b</c>) or the
/// first two targeted metrics, else the first two metrics.
/// </summary>
public static class ParetoSection
{
    private const int MaxBackgroundDots = 2500;

    public static void Write(HtmlPage page, IReadOnlyList<ReportGroup> groups, IReadOnlyList<string>? chosen)
    {
        var charts = groups.Select(g => (Group: g, Metrics: Choose(g, chosen))).Where(c => c.Metrics is not null).ToArray();
        if (chosen is not null && charts.Length == 0)
        {
            var known = string.Join(", ", groups.SelectMany(g => g.Runs[0].Manifest.Metrics ?? []).Select(m => m.Name).Distinct());
            throw new UserInputException($"--pareto {string.Join(",", chosen)}: no run has both metrics; allowed: {known}");
        }

        if (charts.Length == 0) return;
        page.OpenSection("pareto");
        page.Heading(2, "Pareto fronts");
        page.Paragraph("Grey: feasible evaluations (thinned). Lines: each agent's non-dominated designs over all its runs. Dashed: targets.", "note");
        for (var i = 0; i < charts.Length; i++) page.Markup(Chart($"par-{i}", charts[i].Group, charts[i].Metrics!.Value));
        page.CloseSection();
    }

    private static (MetricInfo A, MetricInfo B)? Choose(ReportGroup group, IReadOnlyList<string>? chosen)
    {
        var metrics = group.Runs[0].Manifest.Metrics;
        if (metrics is null || metrics.Count < 2) return null;
        if (chosen is not null)
        {
            var pick = chosen.Select(n => metrics.FirstOrDefault(m => m.Name == n)).ToArray();
            return pick.Length == 2 && pick[0] is { } a && pick[1] is { } b ? (a, b) : null;
        }

        var targeted = metrics.Where(m => group.Runs[0].Manifest.ResolvedTargets.ContainsKey(m.Name)).ToArray();
        var two = targeted.Length >= 2 ? targeted : metrics;
        return (two[0], two[1]);
    }

    private static string Chart(string id, ReportGroup group, (MetricInfo A, MetricInfo B) m)
    {
        var (a, b) = (m.A.ToMetric(), m.B.ToMetric());
        var agents = group.Lottery.Select(l => l.Agent).ToArray();
        var fronts = agents.ToDictionary(x => x, _ => (IReadOnlyList<(double A, double B)>)[]);
        var background = new List<(double A, double B)>();
        var stride = Math.Max(1, (int)Math.Ceiling(group.Runs.Sum(r => (double)r.Manifest.Evaluations) / MaxBackgroundDots));
        long seen = 0;
        foreach (var run in group.Runs)
        {
            var d = DatasetReader.Read(run.DatasetPath, [a.Name, b.Name]);
            if (!d.Metrics.TryGetValue(a.Name, out var va) || !d.Metrics.TryGetValue(b.Name, out var vb)) continue;
            var points = Enumerable.Range(0, va.Length).Where(i => d.Feasible[i]).Select(i => (va[i], vb[i])).ToArray();
            foreach (var p in points)
            {
                if (seen++ % stride == 0) background.Add(p);
            }

            fronts[run.Manifest.Agent] = ParetoFront2D.Front(fronts[run.Manifest.Agent].Concat(points), a, b);
        }

        var frame = new ChartFrame(id);
        var all = background.Concat(fronts.Values.SelectMany(f => f)).ToArray();
        var x = LogScale.Auto(all.Select(p => p.A).ToArray(), frame.Left, frame.Right);
        var y = LogScale.Auto(all.Select(p => p.B).ToArray(), frame.Bottom, frame.Top);
        var svg = frame.Begin($"Pareto front: {group.Title}", new Axis(Title(m.A), x), new Axis(Title(m.B), y));
        Series.Dots(svg, x, y, background, "#999999", radius: 2, opacity: 0.35);
        var targets = group.Runs[0].Manifest.ResolvedTargets;
        if (targets.TryGetValue(a.Name, out var ta)) Rule(svg, x.Map(ta), frame.Top, x.Map(ta), frame.Bottom);
        if (targets.TryGetValue(b.Name, out var tb)) Rule(svg, frame.Left, y.Map(tb), frame.Right, y.Map(tb));
        for (var i = 0; i < agents.Length; i++)
        {
            var front = fronts[agents[i]];
            var stairs = front.SelectMany((p, k) => k == 0 ? new[] { p } : [(p.A, front[k - 1].B), p]).ToArray();
            Series.Line(svg, x, y, stairs, Palette.Colour(i));
            Series.Dots(svg, x, y, front, Palette.Colour(i), radius: 3.5, opacity: 1);
        }

        return frame.End(svg, new Legend(agents.Select((n, i) => new LegendEntry(n, Palette.Colour(i))).ToArray()));
    }

    private static void Rule(SvgWriter svg, double x1, double y1, double x2, double y2) =>
        svg.Element("line", ("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2), ("stroke", "#555555"), ("stroke-width", 1), ("stroke-dasharray", "6 4"), ("class", "target"));

    private static string Title(MetricInfo m) => $"{m.Name} ({m.Unit}, {(m.Direction == "maximize" ? "higher" : "lower")} is better)";
}
