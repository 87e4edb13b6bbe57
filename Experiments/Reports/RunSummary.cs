using System.Globalization;
using ArchGym.Experiments.Runner;
using Spectre.Console;

namespace ArchGym.Experiments.Reports;

/// <summary>The table printed at the end of <c>archgym run</c>.</summary>
public static class RunSummary
{
    public static void Write(IAnsiConsole console, RunOutcome outcome)
    {
        var m = outcome.Manifest;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("run").AddColumn(Markup.Escape(m.Name));
        Row(table, "status", m.Status);
        Row(table, "environment", $"{m.Environment} ({m.Workload})");
        Row(table, "agent", m.Agent);
        Row(table, "evaluations", $"{m.Evaluations} ({m.FeasibleEvaluations} feasible, {m.CacheHits} cache hits)");
        Row(table, "wall time", string.Create(CultureInfo.InvariantCulture, $"{m.WallSeconds:0.00} s ({m.EvaluationsPerSecond:0.0} evaluations/s)"));
        if (m.Best is { } best)
        {
            Row(table, "best reward", string.Create(CultureInfo.InvariantCulture, $"{best.Reward:G6} (step {best.Step})"));
            Row(table, "best design", string.Join(", ", best.Parameters.Select(p => $"{p.Key}={p.Value}")));
            Row(table, "best metrics", string.Join(", ", best.Metrics.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:G6}"))));
        }
        else
        {
            Row(table, "best", "no feasible design point was found");
        }

        Row(table, "output", outcome.OutputDirectory);
        console.Write(table);
    }

    private static void Row(Table table, string key, string value) => table.AddRow(Markup.Escape(key), Markup.Escape(value));
}
