using System.Globalization;
using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>Locates <c>&lt;repo&gt;/../shared/reference/dram</c> and reads its CSV rows (test-only helpers).</summary>
internal static class DramReference
{
    public static string Directory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", "dram");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        Assert.Ignore("shared/reference/dram not found above the test directory");
        return "";
    }

    public static bool Available()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.Directory.Exists(Path.Combine(dir.FullName, "shared", "reference", "dram"))) return true;
        return false;
    }

    public static string PathOf(params string[] parts) => Path.Combine([Directory(), .. parts]);

    /// <summary>Rows of a CSV as column-name -> text (no quoted commas in these files except the last column).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',', header.Length);
            rows.Add(header.Zip(cells).ToDictionary(p => p.First, p => p.Second));
        }
        return rows;
    }

    public static double Number(this IReadOnlyDictionary<string, string> row, string column) =>
        double.Parse(row[column], CultureInfo.InvariantCulture);

    public static AddressMapping Ddr4Mapping() =>
        AddressMappingReader.ReadFile(PathOf("configs", "dramsys", "addressmapping", "am_ddr4_x8_robabgco.json"));

    public static ControllerConfig McConfig(string name) =>
        McConfigReader.ReadFile(PathOf("configs", "dramsys", "mcconfig", name + ".json"));

    public static ITraceSource Trace(string name) => new TraceFile(PathOf("traces", name + ".stl.gz"));

    /// <summary>Relative error as a signed percentage text, e.g. "+1.2%".</summary>
    public static string Err(double ours, double reference) =>
        reference == 0 ? $"{ours:G6} vs 0" : $"{ours:G6} vs {reference:G6} ({(ours - reference) / reference:+0.00%;-0.00%;0.00%})";
}
