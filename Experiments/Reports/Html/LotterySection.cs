using System.Globalization;
using ArchGym.Experiments.Reports.Svg;

namespace ArchGym.Experiments.Reports.Html;

/// <summary>The hyperparameter lottery: per agent, a box plot of best reward over its settings (each dot a setting), and the lottery table.</summary>
public static class LotterySection
{
    public static void Write(HtmlPage page, IReadOnlyList<ReportGroup> groups)
    {
        page.OpenSection("lottery");
        page.Heading(2, "Hyperparameter lottery");
        page.Paragraph("Each dot is one hyperparameter setting (its median best reward over seeds); boxes span the quartiles, whiskers the extremes. " +
            "A setting reaches the target when more than half of its seeds meet every target; sample efficiency is the best setting's median evaluations to target.", "note");
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var settings = LotteryAnalysis.Settings(group.Runs);
            page.Markup(Chart($"lot-{g}", group.Title, group.Lottery,
                group.Lottery.Select(l => settings.Where(s => s.Agent == l.Agent).Select(s => s.MedianBestReward).ToArray()).ToArray()));
            page.Table(
                ["agent", "settings", "runs", "min", "q1", "median", "q3", "max", "reach target", "best setting", "its best reward", "its evaluations to target"],
                group.Lottery.Select(r => (IReadOnlyList<string>)
                [
                    r.Agent, I(r.Settings), I(r.Runs), Labels.Number(r.BestReward.Min), Labels.Number(r.BestReward.Q1), Labels.Number(r.BestReward.Median),
                    Labels.Number(r.BestReward.Q3), Labels.Number(r.BestReward.Max), r.FractionReachingTarget.ToString("P0", CultureInfo.InvariantCulture),
                    r.BestSetting.Setting, Labels.Number(r.BestSetting.MedianBestReward), LotteryTable.Evaluations(r.BestSetting) is { Length: > 0 } e ? e : "never",
                ]),
                "lottery");
        }

        page.CloseSection();
    }

    public static string Chart(string id, string title, IReadOnlyList<LotteryRow> rows, IReadOnlyList<double[]> values)
    {
        var frame = new ChartFrame(id);
        var all = values.SelectMany(v => v).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var x = LinearScale.Exact(0.5, rows.Count + 0.5, frame.Left, frame.Right);
        var y = new LinearScale(all.Min(), all.Max(), frame.Bottom, frame.Top);
        var ticks = rows.Select((r, i) => (Value: i + 1.0, Label: r.Agent)).ToArray();
        var svg = frame.Begin($"Best reward over hyperparameter settings: {title}", new Axis("agent", x, ticks), new Axis("best reward (median over seeds)", y));
        for (var i = 0; i < rows.Count; i++) Series.Box(svg, x, y, i + 1, 0.3, rows[i].BestReward, values[i], Palette.Colour(i));
        return frame.End(svg);
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
