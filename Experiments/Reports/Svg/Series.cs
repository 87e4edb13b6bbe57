namespace ArchGym.Experiments.Reports.Svg;

/// <summary>The marks a chart is made of, each drawn in data coordinates through the chart's scales.</summary>
public static class Series
{
    /// <summary>A line through the points, broken where a value is not finite.</summary>
    public static void Line(SvgWriter svg, IScale x, IScale y, IReadOnlyList<(double X, double Y)> points, string colour, bool dashed = false, double width = 2)
    {
        foreach (var segment in Segments(points))
        {
            svg.Element("polyline", ("points", SvgWriter.Points(segment.Select(p => (x.Map(p.X), y.Map(p.Y))))), ("fill", "none"),
                ("stroke", colour), ("stroke-width", width), ("stroke-linejoin", "round"), ("stroke-dasharray", dashed ? "6 4" : "none"));
        }
    }

    /// <summary>A translucent band between a lower and an upper line (e.g. the inter-quartile range), broken where either is not finite.</summary>
    public static void Band(SvgWriter svg, IScale x, IScale y, IReadOnlyList<(double X, double Lower, double Upper)> band, string colour)
    {
        var run = new List<(double X, double Lower, double Upper)>();
        foreach (var b in band.Append((X: double.NaN, Lower: double.NaN, Upper: double.NaN)))
        {
            if (double.IsFinite(b.X) && double.IsFinite(b.Lower) && double.IsFinite(b.Upper))
            {
                run.Add(b);
                continue;
            }

            if (run.Count > 0)
            {
                var outline = run.Select(p => (x.Map(p.X), y.Map(p.Upper))).Concat(run.AsEnumerable().Reverse().Select(p => (x.Map(p.X), y.Map(p.Lower))));
                svg.Element("polygon", ("points", SvgWriter.Points(outline)), ("fill", colour), ("fill-opacity", 0.2), ("stroke", "none"));
            }

            run.Clear();
        }
    }

    /// <summary>Dots at the finite points.</summary>
    public static void Dots(SvgWriter svg, IScale x, IScale y, IEnumerable<(double X, double Y)> points, string colour, double radius = 2.5, double opacity = 0.6)
    {
        foreach (var (px, py) in points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)))
            svg.Element("circle", ("cx", x.Map(px)), ("cy", y.Map(py)), ("r", radius), ("fill", colour), ("fill-opacity", opacity));
    }

    /// <summary>
    /// A box plot at category position <paramref name="at"/>: whiskers from minimum to maximum, a box
    /// from the lower to the upper quartile, a bold median line; the individual values as jittered dots.
    /// </summary>
    public static void Box(SvgWriter svg, IScale x, IScale y, double at, double halfWidth, FiveNumbers box, IReadOnlyList<double> values, string colour)
    {
        if (box.Count == 0) return;
        var (cx, left, right) = (x.Map(at), x.Map(at - halfWidth), x.Map(at + halfWidth));
        svg.Open("g", ("class", "box"));
        svg.Element("line", ("x1", cx), ("y1", y.Map(box.Min)), ("x2", cx), ("y2", y.Map(box.Max)), ("stroke", colour), ("stroke-width", 1.5));
        foreach (var end in new[] { box.Min, box.Max })
            svg.Element("line", ("x1", cx - (right - left) / 4), ("y1", y.Map(end)), ("x2", cx + (right - left) / 4), ("y2", y.Map(end)), ("stroke", colour), ("stroke-width", 1.5));
        var (top, bottom) = (Math.Min(y.Map(box.Q1), y.Map(box.Q3)), Math.Max(y.Map(box.Q1), y.Map(box.Q3)));
        svg.Element("rect", ("x", left), ("y", top), ("width", right - left), ("height", Math.Max(1, bottom - top)),
            ("fill", colour), ("fill-opacity", 0.3), ("stroke", colour), ("stroke-width", 1.5));
        svg.Element("line", ("x1", left), ("y1", y.Map(box.Median)), ("x2", right), ("y2", y.Map(box.Median)), ("stroke", colour), ("stroke-width", 3));
        var finite = values.Where(double.IsFinite).ToArray();
        for (var i = 0; i < finite.Length; i++)
        {
            // Deterministic jitter (golden-ratio sequence) so the page is the same on every run.
            var jitter = ((i * 0.6180339887) % 1 - 0.5) * 1.4 * halfWidth;
            svg.Element("circle", ("cx", x.Map(at + jitter)), ("cy", y.Map(finite[i])), ("r", 2), ("fill", "#333333"), ("fill-opacity", 0.45));
        }

        svg.Close("g");
    }

    private static IEnumerable<List<(double X, double Y)>> Segments(IReadOnlyList<(double X, double Y)> points)
    {
        var current = new List<(double X, double Y)>();
        foreach (var p in points)
        {
            if (double.IsFinite(p.X) && double.IsFinite(p.Y))
            {
                current.Add(p);
                continue;
            }

            if (current.Count > 0) yield return current;
            current = [];
        }

        if (current.Count > 0) yield return current;
    }
}
