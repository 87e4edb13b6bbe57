using System.Diagnostics;

namespace ArchGym.Experiments.Tests.Cli;

/// <summary>Runs the built archgym command as a real process, as a user would, and captures its output.</summary>
public static class ArchGymProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(string workingDirectory, params string[] args)
    {
        using var p = Start(workingDirectory, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"archgym {string.Join(' ', args)} did not finish in 120 s");
        }

        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the built archgym command without waiting for it; the caller reads its output (both streams are redirected) or kills it.</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "archgym.dll");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    /// <summary>A fresh temporary folder for one test.</summary>
    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "archgym-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The repository root (the folder holding ArchGym.sln), found from the test binaries.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArchGym.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ArchGym.sln not found above the test directory");
    }
}
