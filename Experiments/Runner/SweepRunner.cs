using System.Diagnostics;
using Serilog;

namespace ArchGym.Experiments.Runner;

/// <summary>What one pass of a sweep did: planned runs, runs already done before it, runs it finished, runs that failed, and whether it was cancelled.</summary>
public sealed record SweepOutcome(int Planned, int AlreadyDone, int Finished, IReadOnlyList<(SweepRun Run, string Error)> Failed, bool Cancelled, double WallSeconds)
{
    public bool AllDone => !Cancelled && Failed.Count == 0 && AlreadyDone + Finished == Planned;
}

/// <summary>
/// Runs the pending runs of a sweep, <c>parallel_runs</c> at a time on worker threads (no process per
/// run), each an ordinary <see cref="ExperimentRunner"/> run with one evaluation worker, in sweep
/// order. A failing run is logged and left pending (a resume retries it); cancellation stops taking
/// new runs and lets the running ones end as cancelled (not done).
/// </summary>
public sealed class SweepRunner(DefaultRegistries registries)
{
    public SweepOutcome Run(SweepPlan plan, SweepFolder folder, Action<SweepRun, bool>? onRunEnded, CancellationToken ct) =>
        Run(plan, folder, folder.Pending(), onRunEnded, ct);

    /// <summary>
    /// Runs <paramref name="pending"/> (the plan's runs not done yet, from <see cref="SweepFolder.Pending"/>),
    /// logging to <paramref name="logFile"/> in the folder (shards sharing a folder each keep their own log).
    /// </summary>
    public SweepOutcome Run(SweepPlan plan, SweepFolder folder, IReadOnlyList<SweepRun> pending, Action<SweepRun, bool>? onRunEnded, CancellationToken ct,
        string logFile = SweepFolder.LogFile)
    {
        var clock = Stopwatch.StartNew();
        using var log = new LoggerConfiguration().MinimumLevel.Information()
            .WriteTo.File(Path.Combine(folder.Directory, logFile), outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        log.Information("sweep {Name} from {File}: {Planned} runs planned, {Done} already done, {Pending} to run, {Parallel} at a time",
            plan.Config.Name, plan.Config.SourceFile, plan.Runs.Count, plan.Runs.Count - pending.Count, pending.Count, plan.Config.ParallelRuns);

        var caches = new SharedCaches(pending);
        var failed = new List<(SweepRun, string)>();
        var finished = 0;
        var next = -1;
        void Work()
        {
            var runner = new ExperimentRunner(registries);
            while (!ct.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= pending.Count) return;
                var run = pending[i];
                var done = false;
                try
                {
                    var outcome = runner.Run(run.Config, null, ct, caches.For(run));
                    done = !outcome.Cancelled;
                    if (done) Interlocked.Increment(ref finished);
                    log.Information("run {Id} {Status}: {Agent} seed {Seed}, {Evaluations} evaluations in {Wall:0.000} s",
                        run.Id, outcome.Manifest.Status, run.Config.Agent.Name, run.Config.Seed, outcome.Manifest.Evaluations, outcome.Manifest.WallSeconds);
                }
                catch (Exception e)
                {
                    log.Error(e, "run {Id} failed", run.Id);
                    lock (failed) failed.Add((run, $"{e.GetType().Name}: {e.Message}"));
                }
                finally
                {
                    caches.Release(run);
                }

                onRunEnded?.Invoke(run, done);
            }
        }

        var workers = Enumerable.Range(0, Math.Clamp(plan.Config.ParallelRuns, 1, Math.Max(1, pending.Count)))
            .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        Task.WaitAll(workers, CancellationToken.None);

        var result = new SweepOutcome(plan.Runs.Count, plan.Runs.Count - pending.Count, finished,
            failed.OrderBy(f => f.Item1.Index).ToArray(), ct.IsCancellationRequested, clock.Elapsed.TotalSeconds);
        log.Information("sweep pass ended: {Finished} runs finished, {Failed} failed, cancelled {Cancelled}, {Wall:0.000} s",
            result.Finished, result.Failed.Count, result.Cancelled, result.WallSeconds);
        return result;
    }
}
