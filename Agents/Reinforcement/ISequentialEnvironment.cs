namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// What one step of a sequential task returned: the reward, whether the episode reached a terminal
/// state (<paramref name="Terminated"/>: no bootstrapping past it) or was cut off from outside
/// (<paramref name="Truncated"/>: the trainer bootstraps from the next state's value), and whether
/// the step was feasible (an infeasible step's reward is replaced by the trainer's pessimistic one).
/// </summary>
public readonly record struct SequentialStep(double Reward, bool Terminated, bool Truncated, bool Feasible = true);

/// <summary>
/// A multi-step decision task for <see cref="SequentialPpoTrainer"/>, in Gymnasium's conventions:
/// a fixed-length observation vector, one categorical choice per action head per step, reward and
/// terminated/truncated. Seeding happens only through <see cref="Reset"/> (null keeps the stream).
/// Scheduling tasks (each step one decision, e.g. soc-sched-v0) implement it directly or through
/// <see cref="GymSequentialEnvironment"/> over a multi-step <c>IEnvironment</c>.
/// </summary>
public interface ISequentialEnvironment
{
    int ObservationLength { get; }

    /// <summary>Number of choices of each action head.</summary>
    IReadOnlyList<int> ActionSizes { get; }

    /// <summary>Starts an episode and writes its first observation.</summary>
    void Reset(int? seed, Span<double> observation);

    /// <summary>Takes one choice per head and writes the next observation.</summary>
    SequentialStep Step(ReadOnlySpan<int> actions, Span<double> observation);
}
