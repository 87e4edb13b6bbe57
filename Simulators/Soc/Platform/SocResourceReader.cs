using System.Globalization;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Soc.Platform;

/// <summary>
/// Reads DS3 resource databases (<c>SoC.*.txt</c>, DASH_SoC_parser semantics) and DS3Gym's positional short form.
/// Clusters expand to one PE per core; <c>comm_band i j bw</c> (cluster ids) fills every core pair, the same PE
/// getting <c>comm_band_self</c>; unspecified pairs keep bandwidth 1. The first row of a duplicated task name wins.
/// </summary>
public static class SocResourceReader
{
    /// <summary>Reads a resource file from disk; the platform is named after the file and errors name file:line.</summary>
    public static SocPlatform Read(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidConfigException("SoC file", path, "a readable DS3 SoC.*.txt file (" + e.Message + ")");
        }
        return Parse(text, Path.GetFileName(path));
    }

    public static SocPlatform Parse(string text, string sourceName)
    {
        var clusters = new List<Cluster>();
        var exec = new Dictionary<string, List<(int Cluster, double Us)>>(StringComparer.Ordinal);
        var bandLines = new List<(int Src, int Dst, double Bw, string Where)>();
        double bandSelf = 1;
        var shortForm = false;
        ClusterBuilder? open = null;
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var where = $"{sourceName}:{n + 1}";
            var tok = lines[n].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tok.Length == 0 || tok[0].Contains('#')) continue;
            if (open is null)
            {
                switch (tok[0])
                {
                    case "add_new_resource":
                        bandLines.Clear(); // DS3 re-initialises comm_band (np.ones) at every new resource
                        open = ClusterBuilder.FromHeader(tok, clusters.Count, clusters.Sum(c => c.Capacity), where);
                        shortForm = tok.Length == 7;
                        if (open.Functions == 0) { clusters.Add(open.Build()); open = null; }
                        break;
                    case "comm_band_self":
                        Need(tok, 2, "comm_band_self <bandwidth>", where);
                        bandSelf = Positive(tok[1], "comm_band_self", where);
                        break;
                    case "comm_band":
                        Need(tok, 4, "comm_band <cluster_i> <cluster_j> <bandwidth>", where);
                        bandLines.Add((Int(tok[1], "comm_band source", where), Int(tok[2], "comm_band destination", where),
                            Number(tok[3], "comm_band bandwidth", where), where));
                        break;
                    default:
                        throw new InvalidConfigException("keyword", tok[0], "add_new_resource, comm_band_self, comm_band or a # comment", where);
                }
                continue;
            }
            switch (tok[0])
            {
                case "opp":
                    Need(tok, 3, "opp <MHz> <mV>", where);
                    open.Opps.Add(new OperatingPoint(Int(tok[1], "opp frequency", where), Int(tok[2], "opp voltage", where)));
                    break;
                case "power_profile":
                    Need(tok, 3, "power_profile <MHz> <W with 1 core> ...", where);
                    open.AddProfile(new PowerProfile(Int(tok[1], "power_profile frequency", where),
                        tok.Skip(2).Select(s => Number(s, "power_profile watts", where)).ToArray()), where);
                    break;
                case "trip_freq" or "DTPM_trip_freq" or "PG_profile" or "mesh_information":
                    break; // throttling, power gating and NoC placement are not modelled
                default:
                    Need(tok, 2, "<task_name> <exec_time_us> [power]", where);
                    var us = Number(tok[1], "execution time", where);
                    if (!exec.TryGetValue(tok[0], out var rows)) exec[tok[0]] = rows = [];
                    if (!rows.Exists(r => r.Cluster == open.Id)) rows.Add((open.Id, us));
                    if (++open.FunctionsRead == open.Functions) { clusters.Add(open.Build()); open = null; }
                    break;
            }
        }
        if (open is not null)
            throw new InvalidConfigException("num_supported_functionalities", open.Functions,
                $"as many task rows as declared ({open.FunctionsRead} found for {open.Name})", sourceName);
        if (clusters.Count == 0) throw new InvalidConfigException("add_new_resource", null, "at least one resource", sourceName);
        if (clusters.Count(c => c.IsMemory) > 1)
            throw new InvalidConfigException("MEM resource", clusters.Count(c => c.IsMemory), "at most one MEM resource", sourceName);
        // DS3Gym's parser writes comm_band straight into the PE x PE matrix, diagonal included; DS3 puts comm_band_self there.
        return Assemble(sourceName, clusters, exec, bandLines, shortForm ? double.NaN : bandSelf);
    }

    private static SocPlatform Assemble(string name, List<Cluster> clusters, Dictionary<string, List<(int Cluster, double Us)>> exec,
        List<(int Src, int Dst, double Bw, string Where)> bandLines, double bandSelf)
    {
        var n = clusters.Count;
        var table = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (task, rows) in exec)
        {
            if (task == "None") continue; // MEMORY's placeholder row
            var times = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
            foreach (var (c, us) in rows) times[c] = us;
            table[task] = times;
        }
        var band = Enumerable.Repeat(double.NaN, n * n).ToArray();
        foreach (var (src, dst, bw, where) in bandLines)
        {
            if (src < 0 || src >= n) throw new InvalidConfigException("comm_band source", src, $"a resource id 0..{n - 1}", where);
            if (dst < 0 || dst >= n) throw new InvalidConfigException("comm_band destination", dst, $"a resource id 0..{n - 1}", where);
            if (bw <= 0 && (src != dst || clusters[src].Capacity > 1))
                throw new InvalidConfigException("comm_band bandwidth", bw, "a positive number between distinct PEs", where);
            band[src * n + dst] = band[dst * n + src] = bw;
        }
        return new SocPlatform(name, clusters, new ClusterTables(table, band, bandSelf));
    }

    internal static void Need(string[] tok, int count, string allowed, string where)
    {
        if (tok.Length < count) throw new InvalidConfigException(tok[0], string.Join(' ', tok), allowed, where);
    }

    internal static int Int(string s, string field, string where) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new InvalidConfigException(field, s, "an integer", where);

    internal static double Number(string s, string field, string where) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 && double.IsFinite(v)
            ? v : throw new InvalidConfigException(field, s, "a non-negative number", where);

    private static double Positive(string s, string field, string where) =>
        Number(s, field, where) is var v && v > 0 ? v : throw new InvalidConfigException(field, s, "a positive number", where);
}
