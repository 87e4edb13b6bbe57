using System.Globalization;

namespace ArchGym.Experiments.Runner;

/// <summary><c>proxy-study.csv</c>: one row per target and model.</summary>
public static class ProxyStudyTable
{
    public static readonly string[] Header =
    [
        "target", "model", "train_rows", "test_rows", "rmse", "rmse_pct_of_mean", "rmse_pct_of_range", "mape_pct", "r2", "kendall_tau",
        "fit_seconds", "us_per_prediction", "ms_per_simulation", "speedup",
    ];

    public static void WriteCsv(string path, IEnumerable<ProxyStudyRow> rows)
    {
        using var w = new StreamWriter(path) { NewLine = "\n" };
        w.WriteLine(string.Join(",", Header));
        foreach (var r in rows)
        {
            w.WriteLine(string.Join(",", r.Target, r.Model, I(r.TrainRows), I(r.TestRows), D(r.Rmse), D(r.RmsePctOfMean), D(r.RmsePctOfRange), D(r.MapePct),
                D(r.R2), D(r.KendallTau), D(r.FitSeconds), D(r.MicrosecondsPerPrediction), D(r.MillisecondsPerSimulation), D(r.Speedup)));
        }
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string D(double v) => double.IsFinite(v) ? v.ToString("G6", CultureInfo.InvariantCulture) : "";
}
