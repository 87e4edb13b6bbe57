namespace ArchGym.Experiments.Cli;

/// <summary>Writes a file through a temporary sibling and renames it, so a crash never leaves a half-written result under the real name.</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<TextWriter> write)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var w = new StreamWriter(temp))
            {
                w.NewLine = "\n";
                write(w);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
