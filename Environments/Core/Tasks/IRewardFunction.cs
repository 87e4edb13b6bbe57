namespace ArchGym.Environments.Core.Tasks;

/// <summary>
/// Turns an observation (metric values in the environment's metric order) into a scalar reward.
/// Larger is always better, whatever the metrics' directions; agents maximise it.
/// </summary>
public interface IRewardFunction
{
    /// <summary>The formulation's name as written in YAML (<c>reward:</c>), e.g. "relu_excess".</summary>
    string Name { get; }

    double Compute(ReadOnlySpan<double> metricValues);
}
