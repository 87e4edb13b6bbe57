namespace ArchGym.Agents.Bayesian;

/// <summary>Probability of improvement (Kushner 1964): P(f &gt; best + ξ) = Φ((μ − best − ξ)/σ). Greedier than EI.</summary>
public sealed class ProbabilityOfImprovement(double xi) : IAcquisition
{
    public string Name => "pi";

    public double Score(double mean, double std, double best)
    {
        var gain = mean - best - xi;
        return std < 1e-12 ? (gain > 0 ? 1 : 0) : Gaussian.Cdf(gain / std);
    }
}
