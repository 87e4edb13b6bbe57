using System.Globalization;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Systolic.ScaleSimFiles;

/// <summary>
/// Reads SCALE-Sim v2 topology CSVs (topology_utils.load_arrays_{conv,gemm}). The header line is
/// skipped (a header "Layer, M, N, K," marks the GEMM form), blank lines are skipped, and each row
/// is <c>row.split(',')[:-1]</c>: the field after the last comma is dropped, so rows end with a comma.
/// Conv rows: name, H, W, FH, FW, C, filters, stride[, column stride]. GEMM rows: name, M, N, K,
/// lowered to an M x K ifmap and N filters of 1 x K. A conv layer whose name contains "DP" becomes
/// C one-channel layers named "&lt;name&gt;Channel_&lt;i&gt;" (depthwise).
/// </summary>
public static class ScaleSimTopologyReader
{
    private static readonly string[] ConvFields = ["IFMAP Height", "IFMAP Width", "Filter Height", "Filter Width", "Channels", "Num Filter", "Strides", "Column stride"];
    private static readonly string[] GemmFields = ["M", "N", "K"];

    public static Topology Read(string path) =>
        Parse(File.ReadAllText(path), Path.GetFileName(path), Path.GetFileNameWithoutExtension(path));

    public static Topology Parse(string text, string sourceName, string topologyName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim().Length == 0)
            throw new InvalidConfigException("header", lines.Length == 0 ? null : lines[0], "a header line, e.g. 'Layer name, IFMAP Height, ...,' or 'Layer, M, N, K,'", $"{sourceName}:1");
        bool gemm = IsGemmHeader(lines[0]);
        var layers = new List<Layer>();
        for (int i = 1; i < lines.Length; i++)
        {
            string row = lines[i].Trim();
            if (row.Length == 0) continue;
            string where = $"{sourceName}:{i + 1}";
            var fields = row.Split(',');
            var elems = fields[..^1];   // SCALE-Sim drops whatever follows the last comma
            if (gemm) layers.Add(GemmRow(elems, where));
            else AddConvRow(elems, where, layers);
        }

        if (layers.Count == 0)
            throw new InvalidConfigException("layers", 0, "at least one data row after the header", sourceName);
        return new Topology(topologyName, layers);
    }

    private static bool IsGemmHeader(string header)
    {
        var cells = header.Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
        return cells.Length == 4 && cells[1].Equals("M", StringComparison.OrdinalIgnoreCase)
            && cells[2].Equals("N", StringComparison.OrdinalIgnoreCase) && cells[3].Equals("K", StringComparison.OrdinalIgnoreCase);
    }

    private static Layer GemmRow(string[] elems, string where)
    {
        if (elems.Length < 4)
            throw new InvalidConfigException("row", string.Join(",", elems), "name, M, N, K, (with a trailing comma)", where);
        string name = Name(elems[0], where);
        int m = Number(elems[1], GemmFields[0], where), n = Number(elems[2], GemmFields[1], where), k = Number(elems[3], GemmFields[2], where);
        return Build(where, () => Layer.Gemm(name, m, n, k));
    }

    private static void AddConvRow(string[] elems, string where, List<Layer> layers)
    {
        if (elems.Length is < 8 or > 9)
            throw new InvalidConfigException("row", string.Join(",", elems),
                "name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides, [Column stride,] (with a trailing comma)", where);
        string name = Name(elems[0], where);
        var v = new int[8];
        for (int f = 1; f < elems.Length; f++) v[f - 1] = Number(elems[f], ConvFields[f - 1], where);
        if (elems.Length == 8) v[7] = v[6];   // one stride for both directions
        if (!name.Contains("DP", StringComparison.Ordinal))
        {
            layers.Add(Build(where, () => new Layer(name, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7])));
            return;
        }

        for (int c = 0; c < v[4]; c++)
        {
            string channelName = $"{name}Channel_{c}";
            layers.Add(Build(where, () => new Layer(channelName, v[0], v[1], v[2], v[3], 1, v[5], v[6], v[7])));
        }
    }

    private static string Name(string text, string where)
    {
        string name = text.Trim();
        return name.Length > 0 ? name : throw new InvalidConfigException("Layer name", text, "a non-empty name", where);
    }

    private static int Number(string text, string field, string where) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= 1
            ? value
            : throw new InvalidConfigException(field, text.Trim(), "a whole number >= 1", where);

    /// <summary>Re-throws the layer's own validation with the file and line.</summary>
    private static Layer Build(string where, Func<Layer> make)
    {
        try
        {
            return make();
        }
        catch (InvalidConfigException e) when (e.SourceLocation is null)
        {
            throw new InvalidConfigException(e.Field, e.Value, e.Allowed, where);
        }
    }
}
