using ArchGym.Environments.Core.Spaces;
using ArchGym.Proxies.Data;

namespace ArchGym.Proxies.Models;

/// <summary>
/// One metric's proxy from a design point: encode (on the stack), predict, undo the target
/// transform. Thread-safe and allocation-free when the model is.
/// </summary>
public sealed class ProxyPredictor(string metric, FeatureEncoder encoder, IProxyModel model, TargetTransform transform)
{
    public string Metric { get; } = metric;

    public FeatureEncoder Encoder { get; } = encoder;

    public IProxyModel Model { get; } = model;

    public TargetTransform Transform { get; } = transform;

    public double Predict(DesignPoint point)
    {
        Span<double> x = stackalloc double[Encoder.Count];
        Encoder.Encode(point, x);
        return Transform.Inverse(Model.Predict(x));
    }

    /// <summary>Mean and standard deviation in the metric's units (NaN std for models without uncertainty).</summary>
    public Prediction PredictWithUncertainty(DesignPoint point)
    {
        Span<double> x = stackalloc double[Encoder.Count];
        Encoder.Encode(point, x);
        var p = Model.PredictWithUncertainty(x);
        return new Prediction(Transform.Inverse(p.Mean), Transform.InverseStd(p.Mean, p.Std));
    }
}
