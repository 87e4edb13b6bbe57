using System.Text.Json.Nodes;
using ArchGym.Proxies.Data;

namespace ArchGym.Proxies.Models;

/// <summary>A prediction in model (transformed-target) space: the mean and, where the model has one, a standard deviation (NaN otherwise).</summary>
public readonly record struct Prediction(double Mean, double Std)
{
    public bool HasUncertainty => !double.IsNaN(Std);
}

/// <summary>
/// A fitted regression model of one target over feature vectors (see <see cref="FeatureEncoder"/>).
/// Immutable once fitted and safe to call from several threads; predictions allocate nothing.
/// </summary>
public interface IProxyModel
{
    /// <summary>The model kind as written on the command line and in files: rf, gbt, gp, mlp.</summary>
    string Kind { get; }

    int Features { get; }

    /// <summary>True when <see cref="PredictWithUncertainty"/> gives a standard deviation.</summary>
    bool HasUncertainty { get; }

    double Predict(ReadOnlySpan<double> features);

    Prediction PredictWithUncertainty(ReadOnlySpan<double> features);

    /// <summary>The fitted parameters as JSON (read back by the kind's <see cref="IProxyLearner.Load"/>).</summary>
    JsonObject Save();
}

/// <summary>Fits a model to (features, targets). Same data and seed, same model: every random draw comes from the seed.</summary>
public interface IProxyLearner
{
    string Kind { get; }

    IProxyModel Fit(FeatureMatrix x, IReadOnlyList<double> y, int seed);

    /// <summary>A model from what its <see cref="IProxyModel.Save"/> wrote; malformed input throws <see cref="FormatException"/>.</summary>
    IProxyModel Load(JsonObject json, int features);
}
