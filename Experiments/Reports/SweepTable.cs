using System.Globalization;
using ArchGym.Environments.Core.Events;

namespace ArchGym.Experiments.Reports;

/// <summary>
/// <c>sweep.csv</c>: one row per run, in sweep order, built from the runs' folders (never appended
/// during the sweep): <c>run_id, environment, workload, reward (empty: the environment's default), agent, seed, budget, hp_*, evaluations,
/// feasible_evaluations, best_reward, best_*, evaluations_to_target, wall_seconds</c>. Empty cells:
/// no feasible evaluation (best columns), target never met, a hyperparameter or metric the run lacks.
/// Only <c>wall_seconds</c> differs between repeats of the same sweep.
/// </summary>
public static class SweepTable
{
    public const string FileName = "sweep.csv";
    public const string WallColumn = "wall_seconds";

    public static void Write(TextWriter w, IReadOnlyList<RunRecord> records)
    {
        var hyperParameters = records.SelectMany(r => r.Manifest.HyperParameters.Keys).Distinct().ToArray();
        var metrics = records.SelectMany(r => r.Manifest.Best?.Metrics.Keys ?? []).Distinct().ToArray();
        w.WriteLine(string.Join(",", new[] { "run_id", "environment", "workload", "reward", "agent", "seed", "budget" }
            .Concat(hyperParameters.Select(h => "hp_" + h))
            .Concat(["evaluations", "feasible_evaluations", "best_reward"])
            .Concat(metrics.Select(m => "best_" + m))
            .Concat(["evaluations_to_target", WallColumn])
            .Select(EvaluationCsvWriter.Quote)));
        foreach (var r in records)
        {
            var m = r.Manifest;
            var cells = new List<string> { r.Id, m.Environment, m.Workload, r.Reward, m.Agent, I(m.Seed), I(m.Budget) };
            cells.AddRange(hyperParameters.Select(h => m.HyperParameters.TryGetValue(h, out var v) ? v : ""));
            cells.AddRange([I(m.Evaluations), I(m.FeasibleEvaluations), m.Best is { } b ? EvaluationCsvWriter.Number(b.Reward) : ""]);
            cells.AddRange(metrics.Select(k => m.Best?.Metrics.TryGetValue(k, out var v) == true ? EvaluationCsvWriter.Number(v) : ""));
            cells.Add(m.EvaluationsToTarget is { } n ? I(n) : "");
            cells.Add(m.WallSeconds.ToString("0.######", CultureInfo.InvariantCulture));
            w.WriteLine(string.Join(",", cells.Select(EvaluationCsvWriter.Quote)));
        }
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
}
