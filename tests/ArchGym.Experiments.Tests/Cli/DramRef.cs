namespace ArchGym.Experiments.Tests.Cli;

/// <summary>Locates <c>../shared/reference/dram</c> (beside the repository) and reads its sample rows.</summary>
internal static class DramRef
{
    private static string? Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", "dram");
            if (Directory.Exists(candidate)) return candidate;
        }

        return null;
    }

    public static bool Available() => Find() is not null;

    public static string PathOf(params string[] parts)
    {
        var root = Find();
        if (root is null) Assert.Ignore("shared/reference/dram not found above the test directory");
        return Path.Combine([root!, .. parts]);
    }

    public static string McConfig(string name) => PathOf("configs", "dramsys", "mcconfig", name + ".json");

    /// <summary>sample.csv as column -> text (only the last column may hold commas).</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Rows()
    {
        var lines = File.ReadAllLines(PathOf("sample.csv"));
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => (IReadOnlyDictionary<string, string>)header.Zip(l.Split(',', header.Length)).ToDictionary(p => p.First, p => p.Second));
    }
}
