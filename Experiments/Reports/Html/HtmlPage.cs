using System.Text;

namespace ArchGym.Experiments.Reports.Html;

/// <summary>
/// A self-contained page (inline CSS, inline SVG, no scripts or external files) written as XHTML, so
/// it opens in any browser and also parses as XML.
/// </summary>
public sealed class HtmlPage(string title)
{
    private const string Style = """
        body { font-family: sans-serif; margin: 24px auto; max-width: 1180px; color: #222222; }
        h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #dddddd; } h3 { font-size: 15px; }
        table { border-collapse: collapse; margin: 8px 0 16px 0; font-size: 12px; }
        th, td { border: 1px solid #dddddd; padding: 3px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        p.note { color: #555555; font-size: 12px; } svg.chart { display: block; margin: 8px 0; }
        """;

    private readonly StringBuilder _body = new();

    public void Heading(int level, string text, string? id = null) =>
        _body.Append($"<h{level}{(id is null ? "" : $" id=\"{Escape(id)}\"")}>{Escape(text)}</h{level}>\n");

    public void Paragraph(string text, string? cssClass = null) =>
        _body.Append($"<p{(cssClass is null ? "" : $" class=\"{Escape(cssClass)}\"")}>{Escape(text)}</p>\n");

    /// <summary>Markup made elsewhere and already well-formed (an SVG chart).</summary>
    public void Markup(string markup) => _body.Append(markup);

    public void OpenSection(string id) => _body.Append($"<section id=\"{Escape(id)}\">\n");

    public void CloseSection() => _body.Append("</section>\n");

    /// <summary>A table; cells that parse as numbers are right-aligned.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string cssClass)
    {
        _body.Append($"<table class=\"{Escape(cssClass)}\">\n<tr>");
        foreach (var h in headers) _body.Append("<th>").Append(Escape(h)).Append("</th>");
        _body.Append("</tr>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row)
            {
                var numeric = double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
                _body.Append(numeric ? "<td class=\"num\">" : "<td>").Append(Escape(cell)).Append("</td>");
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</table>\n");
    }

    public string Render() =>
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n" +
        $"<title>{Escape(title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n{_body}</body>\n</html>\n";

    public static string Escape(string s) => Svg.SvgWriter.Escape(s);
}
