using System.Diagnostics;
using ArchGym.Simulators.Workloads.Dnn;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Workloads.Dnn;

/// <summary>Finds the project's shared SCALE-Sim reference and reads its topology CSVs (test-only parser).</summary>
internal static class ScaleSimReference
{
    /// <summary>
    /// <c>&lt;repo&gt;/../shared/reference/scalesim</c>: walks up from the test output directory to the first
    /// folder that holds <c>shared/reference/scalesim</c>.
    /// </summary>
    public static string Directory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", "scalesim");
            if (System.IO.Directory.Exists(candidate))
                return candidate;
        }
        Assert.Fail($"no shared/reference/scalesim above {TestContext.CurrentContext.TestDirectory}");
        throw new UnreachableException();
    }

    /// <summary>
    /// A conv topology as SCALE-Sim reads it: header skipped, blank lines skipped, each row split on commas
    /// with the last field dropped (rows end with a trailing comma), one stride for both directions unless
    /// a 9th field gives the column stride.
    /// </summary>
    public static List<Layer> ReadConvTopology(string path)
    {
        var layers = new List<Layer>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Trim().Length == 0)
                continue;
            var fields = line.Split(',')[..^1].Select(f => f.Trim()).ToArray();
            var n = fields[1..].Select(int.Parse).ToArray();
            int strideWidth = n.Length > 7 ? n[7] : n[6];
            layers.Add(new Layer(fields[0], n[0], n[1], n[2], n[3], n[4], n[5], n[6], strideWidth));
        }
        return layers;
    }
}
