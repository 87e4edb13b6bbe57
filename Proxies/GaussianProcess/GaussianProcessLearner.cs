using System.Text.Json.Nodes;
using ArchGym.Agents.Bayesian;
using ArchGym.Proxies.Data;
using ArchGym.Proxies.Models;
using Gp = ArchGym.Agents.Bayesian.GaussianProcess;

namespace ArchGym.Proxies.GaussianProcess;

/// <summary>
/// Exact GP regression, reusing the BO agent's GP (<see cref="Gp"/>: incremental Cholesky, kernels,
/// type-II maximum-likelihood fit): targets are standardised, kernel hyperparameters are fitted on a
/// seeded subset of <c>fit_points</c> rows, then the GP conditions on up to <c>max_points</c> rows.
/// </summary>
public sealed class GaussianProcessLearner(GaussianProcessSettings settings) : IProxyLearner
{
    public const string KindName = "gp";

    public string Kind => KindName;

    public GaussianProcessSettings Settings { get; } = settings;

    public IProxyModel Fit(FeatureMatrix x, IReadOnlyList<double> y, int seed)
    {
        if (x.Rows < 2) throw new ArgumentException("a GP needs at least two training rows");
        var rng = new Random(seed);
        var order = DataSplit.Shuffle(x.Rows, rng.Next());
        var keep = order.Take(Settings.MaxPoints).Order().ToArray();
        var mean = keep.Average(i => y[i]);
        var scale = Math.Sqrt(keep.Average(i => (y[i] - mean) * (y[i] - mean)));
        if (!(scale > 1e-300)) scale = 1;
        var fitRows = order.Take(Math.Min(Settings.FitPoints, keep.Length)).ToArray();
        var likelihood = new MarginalLikelihood(Settings.Kernel, fitRows.Select(i => x.Row(i).ToArray()).ToArray(),
            fitRows.Select(i => (y[i] - mean) / scale).ToArray());
        var parameters = new HyperparameterFit(Settings.Restarts).Fit(likelihood, KernelParameters.Default(x.Columns, Settings.Ard), rng);
        return new GaussianProcessModel(Settings.KernelName, parameters, mean, scale, x.Subset(keep), keep.Select(i => y[i]).ToArray());
    }

    public IProxyModel Load(JsonObject json, int features)
    {
        var kernel = Json.String(json, "kernel");
        if (!GaussianProcessSettings.Kernels.Contains(kernel)) throw new FormatException($"unknown kernel '{kernel}'; allowed: {string.Join(", ", GaussianProcessSettings.Kernels)}");
        var parameters = new KernelParameters(Json.Doubles(json, "log_length_scales"), Json.Double(json, "log_signal"), Json.Double(json, "log_noise"));
        if (parameters.LogLengthScales.Length is not 1 && parameters.LogLengthScales.Length != features)
            throw new FormatException($"{parameters.LogLengthScales.Length} length scales for {features} features");
        var x = Json.Doubles(json, "x");
        var y = Json.Doubles(json, "y");
        if (x.Length != y.Length * features) throw new FormatException($"{x.Length} inputs for {y.Length} rows of {features} features");
        return new GaussianProcessModel(kernel, parameters, Json.Double(json, "target_mean"), Json.Double(json, "target_scale"), new FeatureMatrix(x, y.Length, features), y);
    }
}

/// <summary>
/// A conditioned GP. The underlying <see cref="Gp"/> reuses buffers, so calls are serialised by a
/// lock (predictions are microseconds; the lock costs nothing when uncontended and allocates nothing).
/// </summary>
public sealed class GaussianProcessModel : IProxyModel
{
    private readonly Gp _gp;
    private readonly Lock _lock = new();
    private readonly string _kernel;
    private readonly KernelParameters _parameters;
    private readonly FeatureMatrix _x;
    private readonly double[] _y;

    public GaussianProcessModel(string kernel, KernelParameters parameters, double targetMean, double targetScale, FeatureMatrix x, double[] y)
    {
        _kernel = kernel;
        _parameters = parameters;
        _x = x;
        _y = y;
        var k = kernel == "rbf" ? (IKernel)new RbfKernel() : new Matern52Kernel();
        _gp = new Gp(k, x.Columns, parameters, targetMean, targetScale);
        for (var i = 0; i < x.Rows; i++) _gp.Add(x.Row(i), y[i]);
        _gp.PredictMean(x.Row(0)); // refresh α now, so later calls only read
    }

    public string Kind => GaussianProcessLearner.KindName;

    public int Features => _x.Columns;

    public bool HasUncertainty => true;

    public int Points => _x.Rows;

    public double Predict(ReadOnlySpan<double> features)
    {
        lock (_lock) return _gp.TargetMean + _gp.TargetScale * _gp.PredictMean(features);
    }

    public Prediction PredictWithUncertainty(ReadOnlySpan<double> features)
    {
        lock (_lock)
        {
            _gp.Predict(features, out var mean, out var std);
            return new Prediction(_gp.TargetMean + _gp.TargetScale * mean, _gp.TargetScale * std);
        }
    }

    public JsonObject Save() => new()
    {
        ["kernel"] = _kernel,
        ["log_length_scales"] = Json.Numbers(_parameters.LogLengthScales),
        ["log_signal"] = _parameters.LogSignal,
        ["log_noise"] = _parameters.LogNoise,
        ["target_mean"] = _gp.TargetMean,
        ["target_scale"] = _gp.TargetScale,
        ["x"] = Json.Numbers(_x.Values),
        ["y"] = Json.Numbers(_y),
    };
}
