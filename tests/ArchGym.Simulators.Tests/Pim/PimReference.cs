using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Pim;

/// <summary>Finds <c>&lt;repo&gt;/../shared/reference/pim</c> above the test directory and reads its CSV.</summary>
public static class PimReference
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "reference", "pim");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("shared/reference/pim not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    /// <summary>One row of sample_pimsimulator_gemv.csv.</summary>
    public sealed record GemvRow(string Test, int OutDim, int InDim, long NonPimCycles, long PimCycles, double Speedup)
    {
        public override string ToString() => Test;
    }

    public static IEnumerable<GemvRow> GemvRows()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "sample_pimsimulator_gemv.csv")).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        foreach (var line in lines.Skip(1))
        {
            var c = line.Split(',');
            yield return new GemvRow(c[Col("test")], int.Parse(c[Col("out_dim")]), int.Parse(c[Col("in_dim")]),
                long.Parse(c[Col("nonpim_cycles")]), long.Parse(c[Col("pim_cycles")]),
                double.Parse(c[Col("speedup")], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
