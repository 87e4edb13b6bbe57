namespace ArchGym.Agents.Bayesian;

/// <summary>
/// The Matérn kernel with ν = 5/2, (1 + √5 r + 5r²/3)·exp(−√5 r): twice differentiable, the usual
/// choice for BO of physical objectives (Snoek, Larochelle &amp; Adams 2012; Rasmussen &amp; Williams 2006, eq. 4.17).
/// </summary>
public sealed class Matern52Kernel : IKernel
{
    private static readonly double Sqrt5 = Math.Sqrt(5);

    public string Name => "matern52";

    public double Correlation(double r2)
    {
        var r = Math.Sqrt(r2);
        return (1 + Sqrt5 * r + 5.0 / 3.0 * r2) * Math.Exp(-Sqrt5 * r);
    }

    // dk/dr = −(5/3) r (1 + √5 r) e^(−√5 r) and dr/dlogℓᵢ = −sᵢ²/r, so the r cancels.
    public double LengthScaleGradient(double r2)
    {
        var r = Math.Sqrt(r2);
        return 5.0 / 3.0 * (1 + Sqrt5 * r) * Math.Exp(-Sqrt5 * r);
    }
}
