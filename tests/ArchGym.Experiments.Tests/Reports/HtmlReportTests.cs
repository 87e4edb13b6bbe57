using System.Xml.Linq;
using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Reports.Html;
using ArchGym.Experiments.Tests.Cli;

namespace ArchGym.Experiments.Tests.Reports;

/// <summary>The report page parsed back as XML: sections, charts and their marks, tables, for sweeps and for a single run.</summary>
public class HtmlReportTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private string _root = "";
    private string _synthetic = "", _systolic = "", _run = "";

    [OneTimeSetUp]
    public void MakeFolders()
    {
        _root = ArchGymProcess.TempDir();
        _synthetic = ReportFixtures.SyntheticSweep(_root);
        _systolic = ReportFixtures.SystolicSweep(_root);
        _run = ReportFixtures.SystolicRun(_root);
    }

    [OneTimeTearDown]
    public void RemoveFolders() => Directory.Delete(_root, recursive: true);

    private static XDocument Page(string folder, ReportOptions? options = null) => XDocument.Parse(HtmlReport.Build(folder, options ?? new ReportOptions()));

    private static string[] Sections(XDocument d) => d.Descendants(Xhtml + "section").Select(s => (string)s.Attribute("id")!).ToArray();

    private static XElement Chart(XDocument d, string section) =>
        d.Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == section).Descendants(Svg + "svg").First();

    private static string[] Texts(XElement svg) => svg.Descendants(Svg + "text").Select(t => t.Value).ToArray();

    [Test]
    public void ASweepReportHasCurvesLotteryAndDesigns()
    {
        var d = Page(_synthetic);
        var curves = Chart(d, "best-so-far");
        var lottery = Chart(d, "lottery");
        var lotteryTable = d.Descendants(Xhtml + "table").Single(t => (string?)t.Attribute("class") == "lottery");
        Assert.Multiple(() =>
        {
            Assert.That(Sections(d), Is.EqualTo(new[] { "summary", "best-so-far", "lottery", "best-designs" }), "one metric: no Pareto front");
            Assert.That(d.Descendants(Svg + "svg").Count(), Is.EqualTo(2));
            Assert.That(curves.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "plot").Descendants(Svg + "polyline").Count(),
                Is.GreaterThanOrEqualTo(2), "a median line per agent");
            Assert.That(curves.Descendants(Svg + "polygon").Count(), Is.GreaterThanOrEqualTo(1), "inter-quartile bands");
            Assert.That(Texts(curves), Does.Contain("random_walk").And.Contain("random_search").And.Contain("evaluations"));
            Assert.That(lottery.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "box"), Is.EqualTo(2), "a box per agent");
            Assert.That(lottery.Descendants(Svg + "g").First(g => (string?)g.Attribute("class") == "box").Descendants(Svg + "circle").Count(), Is.EqualTo(6),
                "a dot per random_walk setting");
            Assert.That(lotteryTable.Elements(Xhtml + "tr").Count(), Is.EqualTo(3), "a header and a row per agent");
            Assert.That(d.Descendants(Xhtml + "table").Single(t => (string?)t.Attribute("class") == "designs").Elements(Xhtml + "tr").Count(), Is.EqualTo(11));
        });
    }

    [Test]
    public void AMultiObjectiveSweepAddsParetoFrontsWithTargets()
    {
        var d = Page(_systolic);
        var pareto = Chart(d, "pareto");
        Assert.Multiple(() =>
        {
            Assert.That(Sections(d), Is.EqualTo(new[] { "summary", "best-so-far", "lottery", "pareto", "best-designs" }));
            Assert.That(Texts(pareto), Does.Contain("latency_cycles (cycles, lower is better)").And.Contain("energy_uj (uJ, lower is better)"));
            Assert.That(pareto.Descendants(Svg + "circle").Count(), Is.GreaterThan(50), "the evaluations and the fronts' points");
            Assert.That(pareto.Descendants(Svg + "line").Count(l => (string?)l.Attribute("class") == "target"), Is.EqualTo(2), "latency and energy targets");
            Assert.That(Texts(pareto), Does.Contain("random_walk").And.Contain("random_search"), "the legend");
        });
    }

    [Test]
    public void TheParetoMetricsCanBeChosen()
    {
        var pareto = Chart(Page(_systolic, new ReportOptions(["area_mm2", "utilization_pct"])), "pareto");
        Assert.Multiple(() =>
        {
            Assert.That(Texts(pareto), Does.Contain("utilization_pct (%, higher is better)"));
            Assert.That(pareto.Descendants(Svg + "line").Count(l => (string?)l.Attribute("class") == "target"), Is.EqualTo(1), "only area has a target");
        });
        var e = Assert.Throws<UserInputException>(() => HtmlReport.Build(_systolic, new ReportOptions(["area_mm2", "speed"])));
        Assert.That(e!.Message, Does.Contain("--pareto area_mm2,speed").And.Contain("allowed: latency_cycles, energy_uj, area_mm2, utilization_pct"));
    }

    [Test]
    public void ASingleRunFolderGetsItsSummaryCurveAndFront()
    {
        var d = Page(_run);
        Assert.Multiple(() =>
        {
            Assert.That(Sections(d), Is.EqualTo(new[] { "summary", "best-so-far", "pareto", "best-designs" }));
            Assert.That(d.Descendants(Xhtml + "title").Single().Value, Is.EqualTo("ArchGym report: one-run"));
            Assert.That(d.Descendants(Xhtml + "td").Select(td => td.Value), Does.Contain("systolic-v0 (tiny)"));
        });
    }

    [Test]
    public void TheSameFolderGivesTheSamePage()
    {
        var first = HtmlReport.Build(_systolic, new ReportOptions());
        Assert.That(HtmlReport.Build(_systolic, new ReportOptions()), Is.EqualTo(first));
    }

    [Test]
    public void AFolderWithoutRunsIsAUserError()
    {
        var empty = Path.Combine(_root, "empty");
        Directory.CreateDirectory(empty);
        var e = Assert.Throws<UserInputException>(() => HtmlReport.Build(empty, new ReportOptions()));
        Assert.That(e!.Message, Does.Contain("neither a run folder (run.json) nor a sweep folder (runs/)"));
    }
}
