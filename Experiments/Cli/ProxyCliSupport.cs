using System.Globalization;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Proxies.Data;
using ArchGym.Proxies.Validation;
using ArchGym.Simulators.Common;

namespace ArchGym.Experiments.Cli;

/// <summary>What the proxy commands share: making the environment a dataset came from, reading datasets, printing reports.</summary>
public static class ProxyCliSupport
{
    /// <summary>k=v flags into a map; a malformed one is bad input naming the flag.</summary>
    public static IReadOnlyDictionary<string, string> Pairs(IEnumerable<string>? items, string flag)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items ?? [])
        {
            var eq = item.IndexOf('=');
            if (eq <= 0) throw new UserInputException($"{flag} '{item}': expected key=value");
            result[item[..eq].Trim()] = item[(eq + 1)..].Trim();
        }

        return result;
    }

    /// <summary>An environment by id and options, every problem one line naming the flag (unknown ids list the allowed ones).</summary>
    public static IEnvironment MakeEnvironment(EnvironmentRegistry registry, string id, IReadOnlyDictionary<string, string> options, string where)
    {
        if (!registry.Contains(id))
            throw new UserInputException($"{where}: unknown environment '{id}'; allowed: {string.Join(", ", registry.List().Select(s => s.Id))}");
        var tracked = new EnvironmentOptions(options);
        IEnvironment env;
        try
        {
            env = registry.Make(id, tracked);
        }
        catch (Exception e) when (e is ArgumentException or InvalidConfigException or KeyNotFoundException or FormatException)
        {
            throw new UserInputException($"{where} ({id}): {e.Message}", e);
        }

        if (tracked.Unused() is { Count: > 0 } unused)
        {
            env.Dispose();
            throw new UserInputException($"{where}: unknown option '{unused[0]}' for {id}; allowed: {string.Join(", ", registry.Get(id).Options.Select(o => o.Name))}");
        }

        return env;
    }

    public static ProxyDataset LoadData(IReadOnlyList<string> paths, IEnvironment env)
    {
        if (paths.Count == 0) throw new UserInputException("--data: give at least one evaluations.csv");
        try
        {
            return DatasetLoader.Load(paths, env.ActionSpace, env.Metrics);
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException($"--data {e.Message}", e);
        }
    }

    public static string Describe(RegressionReport r) => string.Create(CultureInfo.InvariantCulture,
        $"rows {r.Count}  rmse {r.Rmse:G6}  rmse_pct_of_mean {r.RmsePctOfMean:0.####}  rmse_pct_of_range {r.RmsePctOfRange:0.####}  mape_pct {r.MapePct:0.####}  r2 {r.R2:0.######}  kendall_tau {r.KendallTau:0.####}");

    /// <summary>Observed and predicted values per design point, for scatter plots (<c>archgym report</c> reads them).</summary>
    public static void WritePredictions(string path, string metric, IReadOnlyList<Environments.Core.Spaces.DesignPoint> points, IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var w = new StreamWriter(path) { NewLine = "\n" };
        var space = points.Count > 0 ? points[0].Space : null;
        w.WriteLine(string.Join(",", (space?.Names ?? []).Append("metric").Append("observed").Append("predicted")));
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var cells = Enumerable.Range(0, p.Count).Select(k => Environments.Core.Events.EvaluationCsvWriter.Quote(p.Space[k].Format(p[k])));
            w.WriteLine(string.Join(",", cells.Append(metric).Append(R(observed[i])).Append(R(predicted[i]))));
        }
    }

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
