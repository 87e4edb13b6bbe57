using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Environments.Core;

/// <summary>
/// The gym seam, in Gymnasium's conventions, written once here:
/// <list type="bullet">
/// <item><c>Reset(seed)</c> starts an episode and is the only way randomness is seeded.</item>
/// <item><c>Step(action)</c> evaluates a design point and returns observation, reward,
///   terminated (the task reached a terminal state, e.g. the target is met), truncated
///   (cut off from outside, e.g. a time limit) and info (feasibility and extras).</item>
/// <item>DSE episodes are short, often one step. Stepping after terminated/truncated without a
///   reset throws <see cref="InvalidOperationException"/>.</item>
/// </list>
/// An environment instance is used by one thread at a time; parallel evaluation uses one
/// instance per worker.
/// </summary>
public interface IEnvironment : IDisposable
{
    /// <summary>Registry id, e.g. "systolic-v0".</summary>
    string Name { get; }

    /// <summary>The workload this instance evaluates (e.g. "resnet18"), for datasets.</summary>
    string Workload { get; }

    /// <summary>The design knobs an agent sets.</summary>
    ParameterSpace ActionSpace { get; }

    /// <summary>The observation space: one metric per observation component, with unit and direction.</summary>
    IReadOnlyList<Metric> Metrics { get; }

    (Observation Observation, StepInfo Info) Reset(int? seed = null);

    StepResult Step(DesignPoint action);
}
