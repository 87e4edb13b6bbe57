namespace ArchGym.Experiments.Reports.Svg;

/// <summary>How a legend entry is drawn: a line, a filled box or a dot.</summary>
public enum LegendMark
{
    Line,
    Box,
    Dot,
}

/// <summary>A legend entry: label, colour, mark.</summary>
public sealed record LegendEntry(string Label, string Colour, LegendMark Mark = LegendMark.Line);

/// <summary>A boxed legend anchored at its top-right corner, one entry per row.</summary>
public sealed class Legend(IReadOnlyList<LegendEntry> entries)
{
    private const double Row = 18, Swatch = 22, CharWidth = 6.8;

    public void Draw(SvgWriter svg, double right, double top)
    {
        if (entries.Count == 0) return;
        var width = 22 + Swatch + entries.Max(e => e.Label.Length) * CharWidth;
        var left = right - width;
        svg.Open("g", ("class", "legend"));
        svg.Element("rect", ("x", left), ("y", top), ("width", width), ("height", entries.Count * Row + 8),
            ("fill", "#ffffff"), ("fill-opacity", 0.85), ("stroke", "#bbbbbb"));
        for (var i = 0; i < entries.Count; i++)
        {
            var (label, colour, mark) = entries[i];
            var cy = top + 4 + Row * i + Row / 2;
            var sx = left + 8;
            switch (mark)
            {
                case LegendMark.Box:
                    svg.Element("rect", ("x", sx), ("y", cy - 6), ("width", Swatch), ("height", 12), ("fill", colour), ("fill-opacity", 0.35), ("stroke", colour));
                    break;
                case LegendMark.Dot:
                    svg.Element("circle", ("cx", sx + Swatch / 2), ("cy", cy), ("r", 4), ("fill", colour));
                    break;
                default:
                    svg.Element("line", ("x1", sx), ("y1", cy), ("x2", sx + Swatch), ("y2", cy), ("stroke", colour), ("stroke-width", 2.5));
                    break;
            }

            svg.Text("text", label, ("x", sx + Swatch + 6), ("y", cy + 4));
        }

        svg.Close("g");
    }
}
