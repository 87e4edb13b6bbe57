namespace ArchGym.Agents.Bayesian;

/// <summary>
/// Expected improvement (Močkus 1978; Jones, Schonlau &amp; Welch 1998, EGO): E[max(0, f − best − ξ)]
/// = (μ − best − ξ)Φ(z) + σφ(z), z = (μ − best − ξ)/σ. ξ trades exploitation for exploration.
/// </summary>
public sealed class ExpectedImprovement(double xi) : IAcquisition
{
    public string Name => "ei";

    public double Score(double mean, double std, double best)
    {
        var gain = mean - best - xi;
        if (std < 1e-12) return Math.Max(gain, 0);
        var z = gain / std;
        return gain * Gaussian.Cdf(z) + std * Gaussian.Pdf(z);
    }
}
