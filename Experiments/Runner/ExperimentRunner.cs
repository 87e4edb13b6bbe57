using System.Diagnostics;
using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Environments.Core.Events;
using ArchGym.Environments.Core.Wrappers;
using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Config;
using ArchGym.Proxies.Environment;
using Serilog;

namespace ArchGym.Experiments.Runner;

/// <summary>What a finished (or cancelled) run left behind.</summary>
public sealed record RunOutcome(RunManifest Manifest, string OutputDirectory, bool Cancelled);

/// <summary>
/// Runs one experiment: builds the environment and agent, wires the evaluation stream to the CSV
/// dataset, the log, the best-so-far tracker and an optional progress observer, drives the search
/// loop, and writes <c>run.json</c> last (so its presence means the run's files are complete).
/// A sweep passes one <see cref="EvaluationCache"/> to many runs of the same environment settings and
/// seed; environments are deterministic per point, so sharing changes no number, only time.
/// </summary>
public sealed class ExperimentRunner(DefaultRegistries registries)
{
    public const string DatasetFile = "evaluations.csv";
    public const string ManifestFile = "run.json";
    public const string LogFile = "archgym.log";

    public RunOutcome Run(ExperimentConfig config, Func<int, IObserver<Evaluation>>? progress, CancellationToken ct, EvaluationCache? sharedCache = null)
    {
        var options = RunSetup.EnvironmentOptions(config.Environment);
        var proxies = ProxySetup.Load(registries.Environments, config, options);
        using var probe = RunSetup.MakeEnvironment(registries.Environments, config, options, proxies);
        var agent = RunSetup.MakeAgent(registries.Agents, config, probe);

        var dir = PrepareOutput(config.OutputDirectory);
        using var log = new LoggerConfiguration().MinimumLevel.Debug()
            .WriteTo.File(Path.Combine(dir, LogFile), outputTemplate: "{Timestamp:HH:mm:ss.fff} [{Level:u3}] {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        log.Information("experiment {Name} from {File}: env {Env} ({Workload}), agent {Agent}, budget {Budget}, batch {Batch}, parallelism {Parallelism}, seed {Seed}",
            config.Name, config.SourceFile, probe.Name, probe.Workload, agent.Name, config.Budget, config.BatchSize, config.Parallelism, config.Seed);

        var cache = sharedCache ?? new EvaluationCache();
        var hits = new CacheHitCounter();
        var tracker = new BestSoFarTracker();
        var targets = new TargetTracker(TargetTracker.TargetsOf(probe));
        using var stream = new EvaluationStream();
        using var csv = new EvaluationCsvWriter(Path.Combine(dir, DatasetFile), probe.ActionSpace, probe.Metrics);
        using var subscriptions = new System.Reactive.Disposables.CompositeDisposable(
            stream.Subscribe(csv), stream.Subscribe(tracker), stream.Subscribe(targets), stream.Subscribe(new SerilogEvaluationLogger(log, probe.Metrics)));
        if (progress is not null) subscriptions.Add(stream.Subscribe(progress(config.Budget)));

        var clock = Stopwatch.StartNew();
        SearchResult result;
        try
        {
            result = new SearchLoop().Run(
                () => hits.Wrap(new CachingEnvironment(RunSetup.MakeEnvironment(registries.Environments, config, options, proxies), cache)),
                agent,
                new SearchOptions(config.Budget, config.BatchSize, config.Parallelism, config.Seed),
                stream,
                ct);
        }
        catch (Exception e)
        {
            log.Error(e, "run failed after {Count} evaluations", tracker.Count);
            stream.Fail(e);
            throw;
        }

        var wall = clock.Elapsed.TotalSeconds;
        if (result.Cancelled) stream.Fail(new OperationCanceledException("the run was cancelled"));
        else stream.Complete();

        var manifest = ManifestBuilder.Build(config, options, probe, agent, tracker, targets, hits.Hits, result.Cancelled ? "cancelled" : "complete", wall,
            proxies is null ? null : new ProxyRunInfo(config.Environment.Proxy!, config.Environment.ProxyTrust is not null, proxies.Fallbacks, proxies.Retrains));
        AtomicFile.Write(Path.Combine(dir, ManifestFile), w => w.Write(manifest.ToJson()));
        log.Information("run {Status}: {Count} evaluations in {Wall:0.000} s", manifest.Status, manifest.Evaluations, wall);
        return new RunOutcome(manifest, dir, result.Cancelled);
    }

    /// <summary>Creates the run folder and removes a previous run's manifest and dataset, so stale files never describe this run.</summary>
    private static string PrepareOutput(string path)
    {
        string dir;
        try
        {
            dir = Path.GetFullPath(path);
            if (File.Exists(dir)) throw new UserInputException($"output {path}: is a file, expected a folder");
            Directory.CreateDirectory(dir);
            foreach (var stale in new[] { ManifestFile, DatasetFile, DatasetFile + EvaluationCsvWriter.PartialSuffix, LogFile })
                File.Delete(Path.Combine(dir, stale));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserInputException($"output {path}: cannot write there ({e.Message})", e);
        }

        return dir;
    }
}
