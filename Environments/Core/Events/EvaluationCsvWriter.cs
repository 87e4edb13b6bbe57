using System.Globalization;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Environments.Core.Events;

/// <summary>
/// Writes the dataset: one header row, then one row per evaluation with columns
/// <c>step, agent, seed</c>, one per parameter (as its text: a categorical's choice name), one per
/// metric, then <c>reward, feasible, wall_ms</c>. NaN (infeasible) cells are empty. Rows go to
/// <c>PATH.partial</c>, moved to PATH when the run completes or is cancelled (run.json then says
/// which); a run that crashes leaves only the .partial file, never a dataset posing as complete.
/// </summary>
public sealed class EvaluationCsvWriter : IObserver<Evaluation>, IDisposable
{
    public const string PartialSuffix = ".partial";

    private readonly string _path;
    private readonly StreamWriter _writer;
    private readonly IReadOnlyList<Metric> _metrics;
    private readonly ParameterSpace _space;
    private bool _closed;

    public EvaluationCsvWriter(string path, ParameterSpace space, IReadOnlyList<Metric> metrics)
    {
        _path = path;
        _space = space;
        _metrics = metrics;
        _writer = new StreamWriter(path + PartialSuffix, append: false) { NewLine = "\n" };
        _writer.WriteLine(string.Join(",", Header(space, metrics)));
    }

    public static IReadOnlyList<string> Header(ParameterSpace space, IReadOnlyList<Metric> metrics) =>
        ["step", "agent", "seed", .. space.Names, .. metrics.Select(m => m.Name), "reward", "feasible", "wall_ms"];

    public void OnNext(Evaluation e)
    {
        if (_closed) return;
        var w = _writer;
        w.Write(e.Step.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(Quote(e.Agent));
        w.Write(',');
        w.Write(e.Seed.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < _space.Count; i++)
        {
            w.Write(',');
            w.Write(Quote(_space[i].Format(e.Point[i])));
        }

        for (var i = 0; i < _metrics.Count; i++)
        {
            w.Write(',');
            w.Write(Number(i < e.MetricValues.Count ? e.MetricValues[i] : double.NaN));
        }

        w.Write(',');
        w.Write(Number(e.Reward));
        w.Write(',');
        w.Write(e.Feasible ? "true" : "false");
        w.Write(',');
        w.WriteLine(e.WallMs.ToString("0.###", CultureInfo.InvariantCulture));
    }

    public void OnCompleted() => Close(publish: true);

    public void OnError(Exception error) => Close(publish: error is OperationCanceledException);

    public void Dispose() => Close(publish: false);

    /// <summary>A number as the shortest text that round-trips; empty for NaN.</summary>
    public static string Number(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    public static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    private void Close(bool publish)
    {
        if (_closed) return;
        _closed = true;
        _writer.Dispose();
        if (publish) File.Move(_path + PartialSuffix, _path, overwrite: true);
    }
}
