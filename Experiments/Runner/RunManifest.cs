using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// The <c>run.json</c> written at the end of a run: what ran, with which seed and versions, what was
/// best, how long it took. <see cref="ResolvedTargets"/> are the targets the task used (the
/// environment's defaults when none were given); <see cref="EvaluationsToTarget"/> is the 1-based
/// count of the first evaluation meeting all of them, null when none did. <see cref="Metrics"/> are
/// the environment's metrics with their directions (null in a run.json from before they were recorded).
/// </summary>
public sealed record RunManifest(
    string Name,
    string Status,
    string ConfigFile,
    string Environment,
    string Workload,
    IReadOnlyDictionary<string, string> EnvironmentOptions,
    string? Reward,
    IReadOnlyDictionary<string, double> Targets,
    IReadOnlyDictionary<string, double> ResolvedTargets,
    IReadOnlyList<MetricInfo>? Metrics,
    string Agent,
    IReadOnlyDictionary<string, string> HyperParameters,
    int Budget,
    int BatchSize,
    int Parallelism,
    int Seed,
    int Evaluations,
    int FeasibleEvaluations,
    long CacheHits,
    BestPoint? Best,
    long? EvaluationsToTarget,
    double WallSeconds,
    double EvaluationsPerSecond,
    IReadOnlyDictionary<string, string> Versions,
    ProxyRunInfo? Proxy = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a <c>run.json</c>; throws <see cref="JsonException"/> when it is not one.</summary>
    public static RunManifest FromJson(string json) =>
        JsonSerializer.Deserialize<RunManifest>(json, Json) ?? throw new JsonException("run.json is empty (null)");
}

/// <summary>One metric of the run's environment, as reports need it: name, unit, and "minimize" or "maximize".</summary>
public sealed record MetricInfo(string Name, string Unit, string Direction)
{
    public static MetricInfo From(ArchGym.Environments.Core.Metric m) =>
        new(m.Name, m.Unit, m.Direction == ArchGym.Environments.Core.Direction.Minimize ? "minimize" : "maximize");

    public ArchGym.Environments.Core.Metric ToMetric() =>
        new(Name, Unit, Direction == "maximize" ? ArchGym.Environments.Core.Direction.Maximize : ArchGym.Environments.Core.Direction.Minimize);
}

/// <summary>A run on proxies (<c>env.proxy</c>): the model files, and in trust mode how often the simulator answered and the models retrained.</summary>
public sealed record ProxyRunInfo(IReadOnlyList<string> Models, bool Trust, int Fallbacks, int Retrains);

/// <summary>The best feasible evaluation of a run.</summary>
public sealed record BestPoint(long Step, double Reward, IReadOnlyDictionary<string, string> Parameters, IReadOnlyDictionary<string, double> Metrics);
