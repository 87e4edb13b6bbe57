namespace ArchGym.Agents.Bayesian;

/// <summary>The squared-exponential (RBF) kernel exp(−r²/2): infinitely smooth (Rasmussen &amp; Williams 2006, eq. 4.9).</summary>
public sealed class RbfKernel : IKernel
{
    public string Name => "rbf";

    public double Correlation(double r2) => Math.Exp(-0.5 * r2);

    // d/dlogℓᵢ of exp(−Σ sⱼ²/2) = exp(−r²/2)·sᵢ².
    public double LengthScaleGradient(double r2) => Math.Exp(-0.5 * r2);
}
