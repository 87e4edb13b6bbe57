using System.Text.Json;
using System.Text.Json.Nodes;
using ArchGym.Proxies.Data;
using ArchGym.Proxies.Models;
using ArchGym.Proxies.Validation;

namespace ArchGym.Proxies.Files;

/// <summary>
/// A trained proxy as one versioned JSON file (<see cref="Format"/>): which environment and options
/// it stands for, its parameters and features (checked against the environment on load), the target
/// metric and transform, the model kind, hyperparameters and seed, the fitted model, the held-out
/// test report, and the training rows (features and raw targets: trust mode retrains on them).
/// Doubles are written shortest-round-trip, so a load predicts bit-identically.
/// </summary>
public sealed record ProxyModelFile(
    string Environment,
    IReadOnlyDictionary<string, string> EnvironmentOptions,
    IReadOnlyList<string> Parameters,
    IReadOnlyList<string> FeatureNames,
    string Target,
    TargetTransform Transform,
    string Kind,
    IReadOnlyDictionary<string, string> HyperParameters,
    int Seed,
    IProxyModel Model,
    FeatureMatrix TrainingX,
    double[] TrainingY,
    RegressionReport? Test)
{
    public const string Format = "archgym-proxy-v1";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = false };

    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["format"] = Format,
            ["environment"] = Environment,
            ["environment_options"] = Map(EnvironmentOptions),
            ["parameters"] = Strings(Parameters),
            ["features"] = Strings(FeatureNames),
            ["target"] = Target,
            ["transform"] = Transform == TargetTransform.Log ? "log" : "identity",
            ["model"] = Kind,
            ["hyperparameters"] = Map(HyperParameters),
            ["seed"] = Seed,
            ["training_rows"] = TrainingY.Length,
            ["test"] = Test is null ? null : ReportJson(Test),
            ["fitted"] = Model.Save(),
            ["training"] = new JsonObject { ["x"] = Json.Numbers(TrainingX.Values), ["y"] = Json.Numbers(TrainingY) },
        };
        return o;
    }

    public void Save(string path) => File.WriteAllText(path, ToJson().ToJsonString(Indented));

    /// <summary>Reads a model file; anything wrong throws <see cref="FormatException"/> naming the file and field.</summary>
    public static ProxyModelFile Load(string path)
    {
        if (!File.Exists(path)) throw new FormatException($"{path}: file not found");
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    public static ProxyModelFile Parse(string text)
    {
        try
        {
            return ParseDocument(text);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or KeyNotFoundException)
        {
            throw new FormatException($"not a valid proxy model file ({e.Message})", e);
        }
    }

    private static ProxyModelFile ParseDocument(string text)
    {
        JsonObject o;
        try
        {
            o = JsonNode.Parse(text) as JsonObject ?? throw new FormatException("not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a proxy model file (malformed JSON: {e.Message})", e);
        }

        var format = o["format"]?.GetValue<string>();
        if (format != Format) throw new FormatException($"format '{format}' is not supported; expected '{Format}'");
        var features = Json.Strings(o, "features");
        var kind = Json.String(o, "model");
        var hp = Json.StringMap(o, "hyperparameters");
        IProxyLearner learner;
        try
        {
            learner = ProxyLearners.Create(kind, hp);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }

        var training = Json.Object(o, "training");
        var y = Json.Doubles(training, "y");
        var x = Json.Doubles(training, "x");
        if (x.Length != y.Length * features.Length) throw new FormatException($"training: {x.Length} inputs for {y.Length} rows of {features.Length} features");
        var transform = Json.String(o, "transform") switch
        {
            "log" => TargetTransform.Log,
            "identity" => TargetTransform.Identity,
            var t => throw new FormatException($"transform '{t}': allowed: identity, log"),
        };
        return new ProxyModelFile(
            Json.String(o, "environment"),
            Json.StringMap(o, "environment_options"),
            Json.Strings(o, "parameters"),
            features,
            Json.String(o, "target"),
            transform,
            kind,
            hp,
            Json.Int(o, "seed"),
            learner.Load(Json.Object(o, "fitted"), features.Length),
            new FeatureMatrix(x, y.Length, features.Length),
            y,
            o["test"] is JsonObject test ? ReadReport(test) : null);
    }

    private static JsonObject ReportJson(RegressionReport r) => new()
    {
        ["count"] = r.Count,
        ["rmse"] = Finite(r.Rmse),
        ["rmse_pct_of_mean"] = Finite(r.RmsePctOfMean),
        ["rmse_pct_of_range"] = Finite(r.RmsePctOfRange),
        ["mape_pct"] = Finite(r.MapePct),
        ["r2"] = Finite(r.R2),
        ["kendall_tau"] = Finite(r.KendallTau),
    };

    private static RegressionReport ReadReport(JsonObject o) => new(
        Json.Int(o, "count"), Maybe(o, "rmse"), Maybe(o, "rmse_pct_of_mean"), Maybe(o, "rmse_pct_of_range"), Maybe(o, "mape_pct"), Maybe(o, "r2"), Maybe(o, "kendall_tau"));

    private static JsonNode? Finite(double v) => double.IsFinite(v) ? v : null;

    private static double Maybe(JsonObject o, string key) => o[key] is null ? double.NaN : Json.Double(o, key);

    private static JsonObject Map(IReadOnlyDictionary<string, string> map)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map.OrderBy(p => p.Key, StringComparer.Ordinal)) o[k] = v;
        return o;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
