namespace ArchGym.Agents.Bayesian;

/// <summary>
/// A GP's kernel hyperparameters in log space, as the likelihood optimiser sees them: one log length
/// scale per input (ARD) or one shared, then log signal variance and log noise variance (targets are
/// standardised, so these are relative to the observed spread). Bounds keep the fit well conditioned.
/// </summary>
public sealed class KernelParameters
{
    public const double MinLogLengthScale = -4.6, MaxLogLengthScale = 4.6;   // ℓ in [0.01, 100] normalised units
    public const double MinLogSignal = -3, MaxLogSignal = 3;                 // σ² in [0.05, 20]
    public const double MinLogNoise = -13.8, MaxLogNoise = 0;                // σn² in [1e-6, 1]

    public KernelParameters(double[] logLengthScales, double logSignal, double logNoise)
    {
        LogLengthScales = logLengthScales;
        LogSignal = logSignal;
        LogNoise = logNoise;
    }

    /// <summary>One entry when shared, else one per encoded input.</summary>
    public double[] LogLengthScales { get; }

    public double LogSignal { get; }

    public double LogNoise { get; }

    public bool Shared => LogLengthScales.Length == 1;

    /// <summary>Length of the optimiser's vector: the length scales, the signal, the noise.</summary>
    public int Length => LogLengthScales.Length + 2;

    /// <summary>The starting guess: length scale 0.5, unit signal, small noise.</summary>
    public static KernelParameters Default(int inputs, bool ard) =>
        new(Enumerable.Repeat(Math.Log(0.5), ard ? inputs : 1).ToArray(), 0, Math.Log(1e-3));

    public static KernelParameters FromVector(IReadOnlyList<double> theta)
    {
        var ls = new double[theta.Count - 2];
        for (var i = 0; i < ls.Length; i++) ls[i] = theta[i];
        return new KernelParameters(ls, theta[^2], theta[^1]);
    }

    public double[] ToVector() => [.. LogLengthScales, LogSignal, LogNoise];

    public static (double[] Lower, double[] Upper) Bounds(int length)
    {
        var lower = new double[length];
        var upper = new double[length];
        for (var i = 0; i < length - 2; i++) (lower[i], upper[i]) = (MinLogLengthScale, MaxLogLengthScale);
        (lower[^2], upper[^2]) = (MinLogSignal, MaxLogSignal);
        (lower[^1], upper[^1]) = (MinLogNoise, MaxLogNoise);
        return (lower, upper);
    }

    /// <summary>1/ℓᵢ² per encoded input (the shared scale repeated).</summary>
    public double[] InverseSquaredLengthScales(int inputs)
    {
        var result = new double[inputs];
        for (var i = 0; i < inputs; i++) result[i] = Math.Exp(-2 * LogLengthScales[Shared ? 0 : i]);
        return result;
    }
}
