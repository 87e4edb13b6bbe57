using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Runner;

namespace ArchGym.Experiments.Reports.Html;

/// <summary>What to put in a report: the two metrics of the Pareto plots (null: chosen per environment) and how many best designs to list.</summary>
public sealed record ReportOptions(IReadOnlyList<string>? ParetoMetrics = null, int TopDesigns = 10);

/// <summary>
/// <c>archgym report</c>'s page for a run folder or a sweep folder: summary, best reward so far per
/// agent, the hyperparameter lottery (sweeps), Pareto fronts (environments with two or more
/// metrics) and the best designs, as one self-contained HTML file with inline SVG.
/// </summary>
public static class HtmlReport
{
    public static string Build(string folder, ReportOptions options)
    {
        if (ProxySection.IsStudyFolder(folder)) return StudyPage(folder);
        var records = RunRecord.ReadFolder(folder);
        if (records.Count == 0) throw new UserInputException($"{folder}: no complete run yet (no run.json saying complete under runs/)");
        var sweep = !File.Exists(Path.Combine(folder, ExperimentRunner.ManifestFile));
        var name = sweep ? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))) : records[0].Manifest.Name;
        var page = new HtmlPage($"ArchGym report: {name}");
        page.Heading(1, $"ArchGym report: {name}");
        var groups = ReportGroup.From(records);
        SummarySection.Write(page, folder, records, sweep);
        BestSoFarSection.Write(page, groups);
        if (sweep) LotterySection.Write(page, groups);
        ParetoSection.Write(page, groups, options.ParetoMetrics);
        BestDesignsSection.Write(page, groups, options.TopDesigns);
        ProxySection.Write(page, folder);
        return page.Render();
    }

    // A proxy study folder (archgym proxy study): its tables and scatter plots; its runs are under collect/ and search/.
    private static string StudyPage(string folder)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        var page = new HtmlPage($"ArchGym proxy study: {name}");
        page.Heading(1, $"ArchGym proxy study: {name}");
        ProxySection.Write(page, folder);
        return page.Render();
    }
}
