namespace ArchGym.Experiments.Reports.Svg;

/// <summary>One axis of a chart: its title, scale, and optionally its own tick labels (categories).</summary>
public sealed record Axis(string Title, IScale Scale, IReadOnlyList<(double Value, string Label)>? Ticks = null)
{
    public IReadOnlyList<(double Value, string Label)> TickLabels =>
        Ticks ?? Scale.Ticks.Select(t => (t, Scale.Format(t))).ToArray();
}

/// <summary>
/// The frame of one chart: a fixed-size SVG with a title, a plot area (pixels <see cref="Left"/>..
/// <see cref="Right"/> × <see cref="Top"/>..<see cref="Bottom"/>; build scales over these), light
/// grid lines, ticks and axis titles. Content drawn between <see cref="Begin"/> and <see cref="End"/>
/// is clipped to the plot area. <paramref name="id"/> must be unique within the page.
/// </summary>
public sealed class ChartFrame(string id, double width = 720, double height = 400)
{
    public double Width => width;

    public double Height => height;

    public double Left => 78;

    public double Right => width - 20;

    public double Top => 40;

    public double Bottom => height - 52;

    public SvgWriter Begin(string title, Axis x, Axis y)
    {
        var svg = new SvgWriter();
        svg.Open("svg", ("xmlns", SvgWriter.Namespace), ("width", width), ("height", height), ("viewBox", $"0 0 {SvgWriter.Num(width)} {SvgWriter.Num(height)}"),
            ("class", "chart"), ("role", "img"), ("aria-label", title), ("font-family", "sans-serif"), ("font-size", 12));
        svg.Element("rect", ("x", 0), ("y", 0), ("width", width), ("height", height), ("fill", "#ffffff"));
        svg.Text("text", title, ("x", width / 2), ("y", 22), ("text-anchor", "middle"), ("font-size", 15), ("font-weight", "bold"));
        svg.Open("defs").Open("clipPath", ("id", id + "-clip"))
            .Element("rect", ("x", Left), ("y", Top), ("width", Right - Left), ("height", Bottom - Top))
            .Close("clipPath").Close("defs");
        DrawAxes(svg, x, y);
        svg.Open("g", ("clip-path", $"url(#{id}-clip)"), ("class", "plot"));
        return svg;
    }

    public string End(SvgWriter svg, Legend? legend = null)
    {
        svg.Close("g");
        legend?.Draw(svg, Right - 8, Top + 8);
        svg.Close("svg");
        return svg.ToString();
    }

    private void DrawAxes(SvgWriter svg, Axis x, Axis y)
    {
        svg.Open("g", ("class", "axes"), ("stroke", "#333333"), ("stroke-width", 1));
        foreach (var (value, label) in x.TickLabels)
        {
            var px = x.Scale.Map(value);
            if (px < Left - 0.5 || px > Right + 0.5) continue;
            svg.Element("line", ("x1", px), ("y1", Top), ("x2", px), ("y2", Bottom), ("stroke", "#e6e6e6"));
            svg.Element("line", ("x1", px), ("y1", Bottom), ("x2", px), ("y2", Bottom + 5));
            svg.Text("text", label, ("x", px), ("y", Bottom + 18), ("text-anchor", "middle"), ("stroke", "none"), ("fill", "#333333"));
        }

        foreach (var (value, label) in y.TickLabels)
        {
            var py = y.Scale.Map(value);
            if (py < Top - 0.5 || py > Bottom + 0.5) continue;
            svg.Element("line", ("x1", Left), ("y1", py), ("x2", Right), ("y2", py), ("stroke", "#e6e6e6"));
            svg.Element("line", ("x1", Left - 5), ("y1", py), ("x2", Left), ("y2", py));
            svg.Text("text", label, ("x", Left - 8), ("y", py + 4), ("text-anchor", "end"), ("stroke", "none"), ("fill", "#333333"));
        }

        svg.Element("rect", ("x", Left), ("y", Top), ("width", Right - Left), ("height", Bottom - Top), ("fill", "none"));
        svg.Close("g");
        svg.Text("text", x.Title, ("x", (Left + Right) / 2), ("y", height - 12), ("text-anchor", "middle"));
        svg.Text("text", y.Title, ("x", 16), ("y", (Top + Bottom) / 2), ("text-anchor", "middle"),
            ("transform", $"rotate(-90 16 {SvgWriter.Num((Top + Bottom) / 2)})"));
    }
}
