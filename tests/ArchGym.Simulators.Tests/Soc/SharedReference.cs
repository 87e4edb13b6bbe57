using NUnit.Framework;
namespace ArchGym.Simulators.Tests.Soc;

/// <summary>Locates <c>&lt;repo&gt;/../shared/reference/soc</c> by walking up from the test directory.</summary>
internal static class SharedReference
{
    public static string SocDir
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "reference", "soc");
                if (Directory.Exists(candidate)) return candidate;
            }
            Assert.Ignore("shared/reference/soc not found above the test directory");
            return "";
        }
    }

    public static string Read(string relative) => File.ReadAllText(Path.Combine(SocDir, relative));

    /// <summary>Rows of a small CSV, or none when the shared reference is absent (test-case sources must not throw).</summary>
    public static List<Dictionary<string, string>> CsvOrEmpty(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "reference", "soc", relative);
            if (File.Exists(path)) return Parse(File.ReadAllLines(path));
        }
        return [];
    }

    /// <summary>Rows of a small CSV as header -> value maps.</summary>
    public static List<Dictionary<string, string>> Csv(string relative)
    {
        return Parse(File.ReadAllLines(Path.Combine(SocDir, relative)));
    }

    private static List<Dictionary<string, string>> Parse(string[] all)
    {
        var lines = all.Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
