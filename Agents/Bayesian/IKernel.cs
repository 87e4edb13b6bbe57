namespace ArchGym.Agents.Bayesian;

/// <summary>
/// A stationary correlation function of the scaled squared distance r² = Σ ((aᵢ − bᵢ)/ℓᵢ)² between two
/// normalised encodings; the covariance is σ² times it. Gradients with respect to the log length
/// scales all have the form g(r²)·sᵢ² with sᵢ = (aᵢ − bᵢ)/ℓᵢ, so a kernel only supplies g.
/// </summary>
public interface IKernel
{
    string Name { get; }

    /// <summary>Correlation at scaled squared distance <paramref name="r2"/> (1 at 0).</summary>
    double Correlation(double r2);

    /// <summary>g(r²) such that ∂ correlation / ∂ log ℓᵢ = g(r²)·sᵢ².</summary>
    double LengthScaleGradient(double r2);
}
