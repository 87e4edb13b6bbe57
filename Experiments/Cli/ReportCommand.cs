using System.CommandLine;
using ArchGym.Experiments.Reports.Html;

namespace ArchGym.Experiments.Cli;

/// <summary><c>archgym report &lt;run-or-sweep-folder&gt; [--output report.html]</c>: one self-contained HTML page with SVG plots and tables.</summary>
public static class ReportCommand
{
    public const string DefaultFile = "report.html";

    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "A run folder (run.json) or a sweep folder (runs/)." };
        var output = new Option<string?>("--output") { Description = $"HTML file to write (default: FOLDER/{DefaultFile})." };
        var pareto = new Option<string?>("--pareto") { Description = "The two metrics of the Pareto plots, e.g. latency_cycles,energy_uj (default: the first two targeted ones)." };
        var top = new Option<int>("--top") { Description = "Best designs listed per environment and workload.", DefaultValueFactory = _ => 10 };
        var cmd = new Command("report", "Write an HTML report (plots and tables) for a run or a sweep folder.") { folder, output, pareto, top };
        cmd.SetAction(pr => CliGuard.Run(() => Run(pr.GetValue(folder)!, pr.GetValue(output), pr.GetValue(pareto), pr.GetValue(top))));
        return cmd;
    }

    public static int Run(string folder, string? output, string? pareto, int top)
    {
        IReadOnlyList<string>? metrics = null;
        if (pareto is not null)
        {
            metrics = pareto.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (metrics.Count != 2 || metrics[0] == metrics[1]) throw new UserInputException($"--pareto {pareto}: allowed: two different metric names, comma separated");
        }

        if (top is < 1 or > 1000) throw new UserInputException($"--top {top}: allowed: a whole number from 1 to 1000");
        var html = HtmlReport.Build(folder, new ReportOptions(metrics, top));
        var path = output ?? Path.Combine(folder, DefaultFile);
        try
        {
            AtomicFile.Write(path, w => w.Write(html));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"--output {path}: cannot write there ({e.Message})", e);
        }

        Console.Out.WriteLine(Path.GetFullPath(path));
        return ExitCodes.Ok;
    }
}
