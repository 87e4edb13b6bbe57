using System.Diagnostics;
using ArchGym.Experiments.Runner.Slurm;

namespace ArchGym.Experiments.Tests.Slurm;

/// <summary>
/// The Slurm cluster the cluster tests submit to (tests/slurm/start-local-cluster.sh starts a one-node
/// one). Without sbatch, or without a cluster answering, the tests are skipped with the reason, or fail
/// when ARCHGYM_REQUIRE_SLURM=1 (CI, where the cluster must be there).
/// </summary>
public static class SlurmCluster
{
    /// <summary>Skips (or, when required, fails) the test when <paramref name="why"/>, the answer of <see cref="Probe"/>, names a missing piece.</summary>
    public static void Require(string? why)
    {
        if (why is null) return;
        var message = $"Slurm cluster tests need a cluster: {why}; start one with tests/slurm/start-local-cluster.sh (root, Debian packages slurm-wlm and munge)";
        if (Environment.GetEnvironmentVariable("ARCHGYM_REQUIRE_SLURM") == "1") Assert.Fail(message + " [ARCHGYM_REQUIRE_SLURM=1: required here]");
        Assert.Ignore(message);
    }

    /// <summary>Waits until no job of the sweep folder (its arrays and merge jobs) is queued or running.</summary>
    public static void WaitForJobs(string sweepFolder, TimeSpan timeout)
    {
        var jobs = SlurmJobs.TryRead(new SlurmLayout(sweepFolder).JobsPath) ?? throw new AssertionException($"{sweepFolder}: no slurm/jobs.json");
        var ids = jobs.Submissions.SelectMany(s => new[] { s.ArrayJob, s.MergeJob }).OfType<string>().ToHashSet();
        var client = new SlurmClient();
        var clock = Stopwatch.StartNew();
        while (client.Queue().Any(t => ids.Contains(t.ArrayJobId)))
        {
            if (clock.Elapsed > timeout) Assert.Fail($"jobs {string.Join(',', ids)} still in the queue after {timeout.TotalSeconds:0} s:\n{Run("squeue", "--me").Out}");
            Thread.Sleep(200);
        }
    }

    public static (int Code, string Out, string Err) Run(string tool, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    /// <summary>Why no cluster can be used from here, or null when sbatch is on PATH and a node is up (sinfo may take seconds to give up, so ask once per fixture).</summary>
    public static string? Probe()
    {
        if (OnPath("sbatch") is null) return "sbatch is not on PATH";
        try
        {
            var (code, output, err) = Run("sinfo", "--noheader", "--format=%T");
            if (code != 0) return $"sinfo failed: {err.Trim()}";
            return output.Split('\n').Any(s => s.Trim() is "idle" or "mixed" or "allocated") ? null : $"no node is up (sinfo: {output.Trim()})";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"sinfo could not run ({e.Message})";
        }
    }
}
