using NUnit.Framework;
namespace ArchGym.Simulators.Tests.Systolic;

/// <summary>Finds the shared SCALE-Sim reference folder (&lt;repo&gt;/../shared/reference/scalesim) and reads its CSVs.</summary>
internal static class ReferenceData
{
    public static string ScaleSimFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "reference", "scalesim");
                if (Directory.Exists(candidate)) return candidate;
            }

            throw new DirectoryNotFoundException("shared/reference/scalesim not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    public static string TestDataFolder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Data");

    /// <summary>Rows of a CSV with a header, as column-name -> text (double quotes may hold commas).</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = Split(lines[0]);
        return lines.Skip(1).Select(l =>
        {
            var cells = Split(l);
            var row = new Dictionary<string, string>();
            for (int i = 0; i < header.Count; i++) row[header[i]] = i < cells.Count ? cells[i] : "";
            return row;
        }).ToList();
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
