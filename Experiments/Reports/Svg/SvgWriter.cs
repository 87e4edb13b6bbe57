using System.Globalization;
using System.Text;

namespace ArchGym.Experiments.Reports.Svg;

/// <summary>
/// Writes SVG markup that is also well-formed XML (so it can sit inside XHTML and be parsed back):
/// escaped text and attributes, numbers in invariant culture rounded to 0.01.
/// </summary>
public sealed class SvgWriter
{
    public const string Namespace = "http://www.w3.org/2000/svg";

    private readonly StringBuilder _b = new();

    public SvgWriter Open(string name, params (string Name, object Value)[] attributes)
    {
        Start(name, attributes);
        _b.Append(">\n");
        return this;
    }

    public SvgWriter Close(string name)
    {
        _b.Append("</").Append(name).Append(">\n");
        return this;
    }

    public SvgWriter Element(string name, params (string Name, object Value)[] attributes)
    {
        Start(name, attributes);
        _b.Append("/>\n");
        return this;
    }

    /// <summary>An element holding escaped text (a <c>text</c> label or a <c>title</c> tooltip).</summary>
    public SvgWriter Text(string name, string text, params (string Name, object Value)[] attributes)
    {
        Start(name, attributes);
        _b.Append('>').Append(Escape(text)).Append("</").Append(name).Append(">\n");
        return this;
    }

    /// <summary>A <c>points</c> attribute value (polyline, polygon).</summary>
    public static string Points(IEnumerable<(double X, double Y)> points) =>
        string.Join(" ", points.Select(p => Num(p.X) + "," + Num(p.Y)));

    public static string Num(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string s) =>
        s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    public override string ToString() => _b.ToString();

    private void Start(string name, (string Name, object Value)[] attributes)
    {
        _b.Append('<').Append(name);
        foreach (var (n, v) in attributes)
        {
            var text = v switch
            {
                double d => Num(d),
                int i => i.ToString(CultureInfo.InvariantCulture),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
            };
            _b.Append(' ').Append(n).Append("=\"").Append(Escape(text)).Append('"');
        }
    }
}
