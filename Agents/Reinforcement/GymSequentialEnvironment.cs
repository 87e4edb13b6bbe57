using ArchGym.Environments.Core;

namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// A multi-step gym <see cref="IEnvironment"/> as an <see cref="ISequentialEnvironment"/>: the
/// observation is the environment's metric vector (NaN, i.e. not observed, as 0), the action heads are
/// its parameters' (<see cref="ActionCodec"/>), and terminated/truncated/feasible pass through. One-step
/// DSE environments never terminate, so wrap them in a time limit before training on them this way.
/// </summary>
public sealed class GymSequentialEnvironment(IEnvironment env, int realBins = 16, int maxLevels = 256) : ISequentialEnvironment
{
    private readonly ActionCodec _codec = new(env.ActionSpace, realBins, maxLevels);

    public IEnvironment Environment => env;

    public int ObservationLength => env.Metrics.Count;

    public IReadOnlyList<int> ActionSizes => _codec.Heads.Sizes;

    public void Reset(int? seed, Span<double> observation) => Copy(env.Reset(seed).Observation, observation);

    public SequentialStep Step(ReadOnlySpan<int> actions, Span<double> observation)
    {
        var result = env.Step(_codec.ToPoint(actions));
        Copy(result.Observation, observation);
        return new SequentialStep(result.Reward, result.Terminated, result.Truncated, result.Info.Feasible && double.IsFinite(result.Reward));
    }

    private static void Copy(Observation from, Span<double> to)
    {
        for (var i = 0; i < to.Length; i++)
        {
            var v = i < from.Values.Count ? from.Values[i] : double.NaN;
            to[i] = double.IsFinite(v) ? v : 0;
        }
    }
}
