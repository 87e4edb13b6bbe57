namespace ArchGym.Proxies.Data;

/// <summary>
/// How a target is transformed before fitting: none, or the natural log (for positive quantities
/// spanning orders of magnitude, like latency; the model then fits relative errors).
/// </summary>
public enum TargetTransform
{
    Identity,
    Log,
}

public static class TargetTransforms
{
    public static double Forward(this TargetTransform t, double y) => t == TargetTransform.Log ? Math.Log(y) : y;

    public static double Inverse(this TargetTransform t, double z) => t == TargetTransform.Log ? Math.Exp(z) : z;

    /// <summary>A standard deviation in model space mapped to target units at the predicted mean (delta method for the log).</summary>
    public static double InverseStd(this TargetTransform t, double z, double std) => t == TargetTransform.Log ? Math.Exp(z) * std : std;

    public static double[] Forward(this TargetTransform t, IReadOnlyList<double> y, string metric)
    {
        var z = new double[y.Count];
        for (var i = 0; i < z.Length; i++)
        {
            if (t == TargetTransform.Log && !(y[i] > 0))
                throw new ArgumentException($"target '{metric}': a log transform needs positive values, found {y[i]}");
            z[i] = t.Forward(y[i]);
        }

        return z;
    }
}
