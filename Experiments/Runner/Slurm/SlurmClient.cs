using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ArchGym.Experiments.Cli;

namespace ArchGym.Experiments.Runner.Slurm;

/// <summary>The real Slurm commands, run as processes found on PATH; every failure becomes one line naming the cause.</summary>
public sealed class SlurmClient : ISlurmClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public void EnsureAvailable()
    {
        var (code, _, err) = Exec("sbatch", "--version");
        if (code != 0) throw new UserInputException($"sbatch --version failed: {CliGuard.OneLine(err)}");
    }

    public string Submit(string scriptPath)
    {
        var (code, output, err) = Exec("sbatch", "--parsable", scriptPath);
        if (code != 0)
        {
            var reasons = err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Replace("sbatch: error:", "", StringComparison.Ordinal).Trim()).Distinct();
            throw new UserInputException($"sbatch rejected {Path.GetFileName(scriptPath)} (exit {code}): {string.Join("; ", reasons)}");
        }

        // --parsable prints "jobid" or "jobid;cluster".
        var id = output.Trim().Split(';')[0];
        return id.Length > 0 && id.All(char.IsAsciiDigit) ? id : throw new UserInputException($"sbatch printed no job id for {scriptPath}: '{CliGuard.OneLine(output)}'");
    }

    public IReadOnlyList<SlurmTask> Queue()
    {
        var (code, output, err) = Exec("squeue", "--noheader", "--array", "--me", "--format=%F|%K|%T");
        if (code != 0) throw new UserInputException($"squeue failed (exit {code}): {CliGuard.OneLine(err)}");
        var tasks = new List<SlurmTask>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split('|');
            if (f.Length != 3) continue;
            int? index = int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : null;
            tasks.Add(new SlurmTask(f[0], index, f[2]));
        }

        return tasks;
    }

    private static (int Code, string Out, string Err) Exec(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(psi) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            throw new UserInputException($"{tool} not found: Slurm is not installed on this machine (or not on PATH); run the sweep without --slurm, or from a Slurm login node");
        }

        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(Timeout))
            {
                p.Kill(entireProcessTree: true);
                throw new UserInputException($"{tool} did not answer in {Timeout.TotalSeconds:0} s: is slurmctld reachable from this machine?");
            }

            return (p.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
