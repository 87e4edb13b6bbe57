using System.Globalization;
using ArchGym.Environments.Core.Events;
using ArchGym.Experiments.Reports.Svg;
using ArchGym.Experiments.Runner;

namespace ArchGym.Experiments.Reports.Html;

/// <summary>
/// Proxy results in a report: when a folder holds <c>predictions/*.csv</c> (written by <c>proxy study</c>
/// or <c>proxy train --predictions</c>), a predicted-vs-simulated scatter per file with the y = x
/// diagonal; when it holds <c>proxy-study.json</c>, the accuracy and speed-up table and the check of
/// the design chosen on the proxy.
/// </summary>
public static class ProxySection
{
    public const string PredictionsFolder = "predictions";
    private const int MaxDots = 2000;

    /// <summary>A study folder: proxy-study.json and no run of its own at the top.</summary>
    public static bool IsStudyFolder(string folder) =>
        File.Exists(Path.Combine(folder, ProxyStudyResult.FileName)) && !File.Exists(Path.Combine(folder, ExperimentRunner.ManifestFile));

    public static void Write(HtmlPage page, string folder)
    {
        var study = Path.Combine(folder, ProxyStudyResult.FileName);
        var files = Directory.Exists(Path.Combine(folder, PredictionsFolder))
            ? Directory.GetFiles(Path.Combine(folder, PredictionsFolder), "*.csv").Order(StringComparer.Ordinal).ToArray()
            : [];
        if (!File.Exists(study) && files.Length == 0) return;
        page.OpenSection("proxy");
        page.Heading(2, "Proxy models");
        if (File.Exists(study)) StudyTables(page, ProxyStudyResult.FromJson(File.ReadAllText(study)));
        if (files.Length > 0)
        {
            page.Paragraph("Held-out designs: the proxy's prediction against the simulator's value; on the dashed diagonal they agree.", "note");
            for (var i = 0; i < files.Length; i++) page.Markup(Scatter($"proxy-{i}", files[i]));
        }

        page.CloseSection();
    }

    private static void StudyTables(HtmlPage page, ProxyStudyResult s)
    {
        var feasibility = s.FeasibilityAccuracy is { } a
            ? string.Create(CultureInfo.InvariantCulture, $" Feasibility model ({s.InfeasibleRows} infeasible designs): {100 * a:0.##} % of test designs classified right.")
            : "";
        page.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"{s.Environment}: {s.DatasetRows} distinct feasible designs from {s.DatasetFiles.Count} runs; simulator {s.MillisecondsPerSimulation:0.###} ms per evaluation; " +
            $"proxy ({string.Join(", ", s.ChosenModels.Select(c => $"{c.Key}: {c.Value}"))}) {s.MicrosecondsPerEvaluation:0.###} us per evaluation = {s.SpeedupPerEvaluation:0}x faster.") + feasibility);
        page.Table(["target", "model", "train", "test", "RMSE % of mean", "RMSE % of range", "MAPE %", "R²", "Kendall τ", "fit s", "µs / prediction", "speed-up"],
            s.Rows.Select(r => (IReadOnlyList<string>)[r.Target, r.Model, I(r.TrainRows), I(r.TestRows), N(r.RmsePctOfMean), N(r.RmsePctOfRange), N(r.MapePct),
                N(r.R2), N(r.KendallTau), N(r.FitSeconds), N(r.MicrosecondsPerPrediction), N(r.Speedup) + "x"]), "proxy-table");
        if (s.Search is not { } c) return;
        page.Paragraph($"Search on the proxy: {c.Agent}, {c.Budget} evaluations; the chosen design {string.Join(", ", c.ChosenDesign.Select(p => $"{p.Key}={p.Value}"))}, " +
            $"reward on the proxy {N(c.PredictedReward)}, on the simulator {N(c.SimulatedReward)}.");
        page.Table(["metric", "proxy", "simulator", "error %"],
            c.PredictedMetrics.Select(p => (IReadOnlyList<string>)[p.Key, N(p.Value), N(c.SimulatedMetrics[p.Key]), N(c.RelativeErrorPct[p.Key])]), "proxy-check");
    }

    private static string Scatter(string id, string path)
    {
        var points = new List<(double Observed, double Predicted)>();
        var metric = Path.GetFileNameWithoutExtension(path);
        using (var reader = new StreamReader(path))
        {
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var cells = CsvLine.Split(line);
                if (cells.Length < 3) continue;
                if (D(cells[^2]) is { } o && D(cells[^1]) is { } p) points.Add((o, p));
            }
        }

        var stride = Math.Max(1, (int)Math.Ceiling(points.Count / (double)MaxDots));
        var shown = points.Where((_, i) => i % stride == 0).ToArray();
        var frame = new ChartFrame(id, 520, 440);
        var all = shown.SelectMany(p => new[] { p.Observed, p.Predicted }).ToArray();
        var x = LogScale.Auto(all, frame.Left, frame.Right);
        var y = LogScale.Auto(all, frame.Bottom, frame.Top);
        var svg = frame.Begin($"{metric}: predicted vs simulated ({points.Count} designs)", new Axis("simulated", x), new Axis("predicted", y));
        if (all.Length > 0)
        {
            var (lo, hi) = (all.Min(), all.Max());
            svg.Element("line", ("x1", x.Map(lo)), ("y1", y.Map(lo)), ("x2", x.Map(hi)), ("y2", y.Map(hi)), ("stroke", "#555555"), ("stroke-dasharray", "6 4"), ("class", "diagonal"));
        }

        Series.Dots(svg, x, y, shown.Select(p => (p.Observed, p.Predicted)).ToArray(), Palette.Colour(0), radius: 2.5, opacity: 0.5);
        return frame.End(svg);
    }

    private static double? D(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string N(double v) => Labels.Number(v);
}
