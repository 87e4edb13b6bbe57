namespace ArchGym.Agents.Bayesian;

/// <summary>
/// GP upper confidence bound (Srinivas, Krause, Kakade &amp; Seeger 2010): μ + κσ with κ = √β. Their
/// regret bounds grow β slowly with the step; a fixed κ (2 by default) is the common practical choice.
/// </summary>
public sealed class UpperConfidenceBound(double kappa) : IAcquisition
{
    public string Name => "ucb";

    public double Score(double mean, double std, double best) => mean + kappa * std;
}
