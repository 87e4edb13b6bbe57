using System.Xml.Linq;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Experiments.Reports;
using ArchGym.Experiments.Reports.Svg;

namespace ArchGym.Experiments.Tests.Reports;

/// <summary>The SVG helpers (scales, ticks, labels, escaping, marks) and the 2-D Pareto front against a brute-force front.</summary>
public class SvgHelperTests
{
    [Test]
    public void LinearScalesWidenToNiceTicks()
    {
        var s = new LinearScale(3, 97, 0, 100);
        Assert.Multiple(() =>
        {
            Assert.That(s.Ticks, Is.EqualTo(new double[] { 0, 20, 40, 60, 80, 100 }));
            Assert.That(s.Map(0), Is.EqualTo(0));
            Assert.That(s.Map(50), Is.EqualTo(50));
            Assert.That(new LinearScale(-2.3, -0.1, 0, 1).Ticks, Is.EqualTo(new[] { -2.5, -2, -1.5, -1, -0.5, 0 }));
            Assert.That(new LinearScale(5, 5, 0, 1).Ticks, Is.Not.Empty, "a single value still gets an axis");
            Assert.That(new LinearScale(0, 1, 400, 0).Map(1), Is.EqualTo(0), "pixel ranges may run downwards (y axes)");
        });
    }

    [Test]
    public void LogScalesTickAtPowersOfTenAndAreChosenForWideRanges()
    {
        var s = new LogScale(300, 2e6, 0, 100);
        Assert.Multiple(() =>
        {
            Assert.That(s.Ticks, Is.EqualTo(new[] { 100, 1000, 1e4, 1e5, 1e6, 1e7 }));
            Assert.That(s.Map(1e4), Is.EqualTo(40).Within(1e-9));
            Assert.That(LogScale.Auto([300, 2e6], 0, 1), Is.TypeOf<LogScale>());
            Assert.That(LogScale.Auto([1, 10], 0, 1), Is.TypeOf<LinearScale>());
            Assert.That(LogScale.Auto([-1, 1e6], 0, 1), Is.TypeOf<LinearScale>(), "log needs positive values");
        });
    }

    [TestCase(0.0, "0")]
    [TestCase(12345.0, "12345")]
    [TestCase(-0.4375, "-0.4375")]
    [TestCase(2.123456, "2.123")]
    [TestCase(1.5e6, "1.5e6")]
    [TestCase(0.00012, "1.2e-4")]
    public void LabelsAreShort(double v, string expected) => Assert.That(Labels.Number(v), Is.EqualTo(expected));

    [Test]
    public void TheWriterEscapesAndMakesWellFormedXml()
    {
        var w = new SvgWriter();
        w.Open("svg", ("xmlns", SvgWriter.Namespace), ("width", 10.123))
            .Text("text", "a < b & \"c\"", ("x", 1))
            .Element("polyline", ("points", SvgWriter.Points([(0, 0), (1.005, 2.5)])))
            .Close("svg");
        var svg = XElement.Parse(w.ToString());
        XNamespace ns = SvgWriter.Namespace;
        Assert.Multiple(() =>
        {
            Assert.That((string?)svg.Attribute("width"), Is.EqualTo("10.12"));
            Assert.That(svg.Element(ns + "text")!.Value, Is.EqualTo("a < b & \"c\""));
            Assert.That((string?)svg.Element(ns + "polyline")!.Attribute("points"), Is.EqualTo("0,0 1,2.5"));
        });
    }

    [Test]
    public void LinesBreakAtMissingValuesAndBoxesDrawTheirQuartiles()
    {
        var x = new LinearScale(0, 10, 0, 100);
        var y = new LinearScale(0, 10, 100, 0);
        var w = new SvgWriter().Open("g", ("xmlns", SvgWriter.Namespace));
        Series.Line(w, x, y, [(0, 1), (1, 2), (2, double.NaN), (3, 4), (4, 5)], "#000000");
        Series.Box(w, x, y, 5, 1, new FiveNumbers(1, 2, 3, 4, 5, 3), [1, 3, 5], "#000000");
        var g = XElement.Parse(w.Close("g").ToString());
        XNamespace ns = SvgWriter.Namespace;
        var box = g.Descendants(ns + "rect").Single();
        Assert.Multiple(() =>
        {
            Assert.That(g.Elements(ns + "polyline").Count(), Is.EqualTo(2), "two segments around the gap");
            Assert.That((string?)box.Attribute("y"), Is.EqualTo("60"), "upper quartile 4 at y = 60 px");
            Assert.That((string?)box.Attribute("height"), Is.EqualTo("20"), "quartiles 2..4");
            Assert.That(g.Descendants(ns + "circle").Count(), Is.EqualTo(3));
        });
    }

    [TestCase(Direction.Minimize, Direction.Minimize)]
    [TestCase(Direction.Minimize, Direction.Maximize)]
    [TestCase(Direction.Maximize, Direction.Maximize)]
    public void TheTwoMetricFrontIsTheBruteForceFront(Direction da, Direction db)
    {
        var rng = new Random(7);
        var points = Enumerable.Range(0, 400).Select(_ => ((double)rng.Next(50), (double)rng.Next(50))).ToArray();
        var a = new Metric("a", "1", da);
        var b = new Metric("b", "1", db);
        Metric[] metrics = [a, b];
        var brute = points.Where(p => !points.Any(q => Pareto.Dominates([q.Item1, q.Item2], [p.Item1, p.Item2], metrics)))
            .Distinct().OrderBy(p => p.Item1).ThenBy(p => p.Item2).ToArray();
        var front = ParetoFront2D.Front(points, a, b);
        Assert.Multiple(() =>
        {
            Assert.That(front.OrderBy(p => p.A).ThenBy(p => p.B).Select(p => (p.A, p.B)), Is.EqualTo(brute));
            Assert.That(front, Has.Count.GreaterThan(1));
        });
    }
}
