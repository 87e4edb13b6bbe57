using System.Diagnostics;

namespace ArchGym.Proxies.Tests.Support;

/// <summary>Runs the built archgym command as a user would, capturing its output.</summary>
public static class Archgym
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "archgym.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(300_000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"archgym {string.Join(' ', args)} did not finish in 300 s");
        }

        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
