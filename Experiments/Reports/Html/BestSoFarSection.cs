using ArchGym.Experiments.Reports.Svg;

namespace ArchGym.Experiments.Reports.Html;

/// <summary>
/// Best reward so far against evaluations, one line per agent: the median over the seeds of the
/// agent's best setting, with the inter-quartile range as a band (from the runs' evaluations.csv).
/// </summary>
public static class BestSoFarSection
{
    public static void Write(HtmlPage page, IReadOnlyList<ReportGroup> groups)
    {
        page.OpenSection("best-so-far");
        page.Heading(2, "Best reward so far");
        page.Paragraph("Median over seeds of each agent's best hyperparameter setting; the band is the inter-quartile range.", "note");
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var series = group.Lottery.Select(l => (l.Agent, l.BestSetting,
                Points: CurveBands.Aggregate(l.BestSetting.Runs.Select(r => DatasetReader.BestSoFar(DatasetReader.Read(r.DatasetPath, []))).ToArray()))).ToArray();
            page.Markup(Chart($"bsf-{g}", group.Title, series.Select(s => (s.Agent, s.Points)).ToArray()));
            page.Table(["agent", "best setting", "seeds"],
                series.Select(s => (IReadOnlyList<string>)[s.Agent, s.BestSetting.Setting, s.BestSetting.Runs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)]),
                "curves");
        }

        page.CloseSection();
    }

    public static string Chart(string id, string title, IReadOnlyList<(string Agent, IReadOnlyList<CurvePoint> Points)> series)
    {
        var frame = new ChartFrame(id);
        var points = series.SelectMany(s => s.Points).ToArray();
        var ys = points.SelectMany(p => new[] { p.Lower, p.Median, p.Upper }).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var x = new LinearScale(0, points.Select(p => p.Evaluations).DefaultIfEmpty(1).Max(), frame.Left, frame.Right);
        var y = new LinearScale(ys.Min(), ys.Max(), frame.Bottom, frame.Top);
        var svg = frame.Begin($"Best reward so far: {title}", new Axis("evaluations", x), new Axis("best reward so far", y));
        for (var i = 0; i < series.Count; i++)
        {
            var colour = Palette.Colour(i);
            Series.Band(svg, x, y, series[i].Points.Select(p => (p.Evaluations, p.Lower, p.Upper)).ToArray(), colour);
            Series.Line(svg, x, y, series[i].Points.Select(p => (p.Evaluations, p.Median)).ToArray(), colour);
        }

        return frame.End(svg, new Legend(series.Select((s, i) => new LegendEntry(s.Agent, Palette.Colour(i))).ToArray()));
    }
}
