using System.Globalization;
using ArchGym.Experiments.Runner;
using Spectre.Console;

namespace ArchGym.Experiments.Reports;

/// <summary>What <c>archgym sweep</c> prints at the end: the lottery table, or what is left to do.</summary>
public static class SweepSummary
{
    public static void WriteLottery(IAnsiConsole console, SweepOutcome outcome, IReadOnlyList<LotteryRow> lottery, SweepFolder folder)
    {
        WriteLotteryTable(console, lottery);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Planned} runs ({outcome.AlreadyDone} done before, {outcome.Finished} now) in {outcome.WallSeconds:0.0} s: {folder.SweepCsvPath}, {folder.LotteryCsvPath}"));
    }

    /// <summary>The lottery table and each group's best setting.</summary>
    public static void WriteLotteryTable(IAnsiConsole console, IReadOnlyList<LotteryRow> lottery)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("hyperparameter lottery: best reward over settings")
            .AddColumns("#", "environment (workload)", "agent", "settings", "min", "median", "max", "reach target", "best: evals to target");
        for (var i = 0; i < lottery.Count; i++)
        {
            var r = lottery[i];
            table.AddRow(new[]
            {
                (i + 1).ToString(CultureInfo.InvariantCulture), $"{r.Environment} ({r.Workload})", r.Agent, r.Settings.ToString(CultureInfo.InvariantCulture),
                G(r.BestReward.Min), G(r.BestReward.Median), G(r.BestReward.Max), r.FractionReachingTarget.ToString("P0", CultureInfo.InvariantCulture),
                LotteryTable.Evaluations(r.BestSetting) is { Length: > 0 } e ? e : "never",
            }.Select(Markup.Escape).ToArray());
        }

        console.Write(table);
        for (var i = 0; i < lottery.Count; i++) console.WriteLine($"best setting #{i + 1}: {lottery[i].BestSetting.Setting}");
    }

    public static void WriteUnfinished(TextWriter stderr, SweepOutcome outcome, SweepFolder folder)
    {
        foreach (var (run, error) in outcome.Failed.Take(5)) stderr.WriteLine($"archgym: run {run.Id} failed: {Cli.CliGuard.OneLine(error)}");
        var done = outcome.AlreadyDone + outcome.Finished;
        stderr.WriteLine($"archgym: {done} of {outcome.Planned} runs done{(outcome.Failed.Count > 0 ? $", {outcome.Failed.Count} failed (see {Path.Combine(folder.Directory, SweepFolder.LogFile)})" : "")}; " +
            $"continue with: archgym sweep --resume {folder.Directory}");
    }

    private static string G(double v) => double.IsNaN(v) ? "" : v.ToString("G5", CultureInfo.InvariantCulture);
}
