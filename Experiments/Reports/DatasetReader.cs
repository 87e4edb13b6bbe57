using System.Globalization;
using ArchGym.Environments.Core.Events;

namespace ArchGym.Experiments.Reports;

/// <summary>The columns of one run's <c>evaluations.csv</c> a report needs: reward, feasibility and some metrics, in step order.</summary>
public sealed record DatasetColumns(double[] Reward, bool[] Feasible, IReadOnlyDictionary<string, double[]> Metrics);

/// <summary>Reads columns of a run dataset by header name (empty cells are NaN; quoted cells are understood).</summary>
public static class DatasetReader
{
    public static DatasetColumns Read(string path, IReadOnlyList<string> metrics)
    {
        using var reader = new StreamReader(path);
        var header = CsvLine.Split(reader.ReadLine() ?? "");
        var reward = Array.IndexOf(header, "reward");
        var feasible = Array.IndexOf(header, "feasible");
        if (reward < 0 || feasible < 0) throw new InvalidDataException($"{path}: not a run dataset (no reward and feasible columns)");
        var metricIndex = metrics.Select(m => (Name: m, Index: Array.IndexOf(header, m))).Where(m => m.Index >= 0).ToArray();
        var rewards = new List<double>();
        var feasibles = new List<bool>();
        var values = metricIndex.ToDictionary(m => m.Name, _ => new List<double>());
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var cells = CsvLine.Split(line);
            rewards.Add(Number(cells, reward));
            feasibles.Add(feasible < cells.Length && cells[feasible] == "true");
            foreach (var (name, index) in metricIndex) values[name].Add(Number(cells, index));
        }

        return new DatasetColumns(rewards.ToArray(), feasibles.ToArray(), values.ToDictionary(v => v.Key, v => v.Value.ToArray()));
    }

    /// <summary>Best feasible reward after each evaluation (NaN until the first feasible one).</summary>
    public static double[] BestSoFar(DatasetColumns d)
    {
        var curve = new double[d.Reward.Length];
        var best = double.NaN;
        for (var i = 0; i < curve.Length; i++)
        {
            if (d.Feasible[i] && double.IsFinite(d.Reward[i]) && !(d.Reward[i] <= best)) best = d.Reward[i];
            curve[i] = best;
        }

        return curve;
    }

    private static double Number(string[] cells, int index) =>
        index < cells.Length && double.TryParse(cells[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
}
