using System.Globalization;
using ArchGym.Environments.Core.Events;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Core;

namespace ArchGym.Proxies.Data;

/// <summary>
/// Reads one or many <c>evaluations.csv</c> files (the core's schema: step, agent, seed, one column per
/// parameter, one per metric, reward, feasible, wall_ms) into a <see cref="ProxyDataset"/> over the
/// environment's space. Keeps feasible rows only and each distinct design point once (the first
/// seen, in file order: environments are deterministic per point, so repeats carry the same values);
/// designs that were only ever infeasible are kept apart, for a feasibility model.
/// Problems throw <see cref="InvalidDataException"/> naming file, line and column.
/// </summary>
public static class DatasetLoader
{
    public static ProxyDataset Load(IReadOnlyList<string> paths, ParameterSpace space, IReadOnlyList<Metric> metrics)
    {
        if (paths.Count == 0) throw new InvalidDataException("no dataset files given");
        var points = new List<DesignPoint>();
        var seen = new HashSet<DesignPoint>();
        var values = metrics.ToDictionary(m => m.Name, _ => new List<double>(), StringComparer.Ordinal);
        var infeasible = new List<DesignPoint>();
        foreach (var path in paths) Read(path, space, metrics, points, seen, values, infeasible);
        return new ProxyDataset(space, points, values.ToDictionary(v => v.Key, v => v.Value.ToArray(), StringComparer.Ordinal),
            infeasible.Where(p => !seen.Contains(p)).Distinct().ToArray());
    }

    private static void Read(string path, ParameterSpace space, IReadOnlyList<Metric> metrics, List<DesignPoint> points,
        HashSet<DesignPoint> seen, Dictionary<string, List<double>> values, List<DesignPoint> infeasible)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: file not found");
        using var reader = new StreamReader(path);
        var header = CsvLine.Split(reader.ReadLine() ?? "");
        var feasible = Column(header, "feasible", path, "the dataset's feasible column");
        var parameterColumns = space.Names.Select(n => Column(header, n, path, $"parameter '{n}' of the environment")).ToArray();
        var metricColumns = metrics.Select(m => Column(header, m.Name, path, $"metric '{m.Name}' of the environment")).ToArray();
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var cells = CsvLine.Split(line);
            if (cells.Length != header.Length)
                throw new InvalidDataException($"{path}:{lineNumber}: {cells.Length} cells, the header has {header.Length}");
            for (var i = 0; i < parameterColumns.Length; i++) text[space[i].Name] = cells[parameterColumns[i]];
            DesignPoint point;
            try
            {
                point = space.Parse(text);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {e.Message}", e);
            }

            if (cells[feasible] != "true")
            {
                infeasible.Add(point);
                continue;
            }

            if (!seen.Add(point)) continue;
            points.Add(point);
            for (var m = 0; m < metrics.Count; m++)
            {
                var cell = cells[metricColumns[m]];
                var v = cell.Length == 0 ? double.NaN
                    : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
                    : throw new InvalidDataException($"{path}:{lineNumber}: {metrics[m].Name}: '{cell}' is not a number");
                values[metrics[m].Name].Add(v);
            }
        }
    }

    private static int Column(string[] header, string name, string path, string what)
    {
        var i = Array.IndexOf(header, name);
        return i >= 0 ? i : throw new InvalidDataException($"{path}: no column '{name}' ({what}); the header has: {string.Join(",", header)}");
    }
}
