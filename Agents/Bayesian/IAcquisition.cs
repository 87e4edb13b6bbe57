using MathNet.Numerics;

namespace ArchGym.Agents.Bayesian;

/// <summary>
/// How much a candidate is worth evaluating given the GP's posterior mean and standard deviation
/// there and the incumbent (best observed) value, all in standardised units of a maximised target.
/// </summary>
public interface IAcquisition
{
    string Name { get; }

    double Score(double mean, double std, double best);
}

/// <summary>Standard normal density and distribution, without allocation.</summary>
public static class Gaussian
{
    private static readonly double InverseSqrt2Pi = 1 / Math.Sqrt(2 * Math.PI);

    public static double Pdf(double z) => InverseSqrt2Pi * Math.Exp(-0.5 * z * z);

    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
}
