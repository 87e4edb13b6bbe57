using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArchGym.Experiments.Runner;

/// <summary>One model of one target in a proxy study: held-out accuracy, fit time, and measured prediction speed against the simulator.</summary>
public sealed record ProxyStudyRow(
    string Target,
    string Model,
    int TrainRows,
    int TestRows,
    double Rmse,
    double RmsePctOfMean,
    double RmsePctOfRange,
    double MapePct,
    double R2,
    double KendallTau,
    double FitSeconds,
    double MicrosecondsPerPrediction,
    double MillisecondsPerSimulation,
    double Speedup,
    string ModelFile,
    string PredictionsFile);

/// <summary>The search rerun on the proxy: the design it chose, what the proxy predicted and what the simulator says.</summary>
public sealed record ProxySearchCheck(
    string Agent,
    int Budget,
    IReadOnlyDictionary<string, string> ChosenDesign,
    IReadOnlyDictionary<string, double> PredictedMetrics,
    IReadOnlyDictionary<string, double> SimulatedMetrics,
    IReadOnlyDictionary<string, double> RelativeErrorPct,
    double PredictedReward,
    double SimulatedReward,
    bool SimulatedFeasible,
    double BestCollectedReward,
    double SearchWallSeconds);

/// <summary>
/// <c>proxy-study.json</c>: every row, the chosen model per target, the per-evaluation speed-up, the search check, and
/// the feasibility model (a forest on feasible 1 / infeasible 0, when the datasets hold infeasible designs) with its test accuracy.
/// </summary>
public sealed record ProxyStudyResult(
    string Name,
    string Environment,
    int DatasetRows,
    IReadOnlyList<string> DatasetFiles,
    double MillisecondsPerSimulation,
    IReadOnlyList<ProxyStudyRow> Rows,
    IReadOnlyDictionary<string, string> ChosenModels,
    double MicrosecondsPerEvaluation,
    double SpeedupPerEvaluation,
    ProxySearchCheck? Search,
    string? FeasibilityModel = null,
    double? FeasibilityAccuracy = null,
    int InfeasibleRows = 0)
{
    public const string FileName = "proxy-study.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ProxyStudyResult FromJson(string json) =>
        JsonSerializer.Deserialize<ProxyStudyResult>(json, Json) ?? throw new JsonException($"{FileName} is empty (null)");
}
