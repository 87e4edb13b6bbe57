using ArchGym.Agents.Reinforcement;
using ArchGym.Environments.Soc;

namespace ArchGym.Experiments.Runner.Scheduling;

/// <summary>
/// <c>soc-sched-v0</c> as an <see cref="ISequentialEnvironment"/> for <see cref="SequentialPpoTrainer"/>: one head
/// over the ready-task slots. The trainer's policy has no action mask, so the mask is part of the observation
/// (the empty slots' features are zero and the ready-task count is a global feature) and a choice of an empty slot
/// is an infeasible step: the task in slot <c>a mod legal</c> is scheduled so the run goes on, and the step is
/// marked infeasible so the trainer gives it its pessimistic reward — the policy learns to choose filled slots.
/// A reset without a seed starts the next job stream (seed + 1), so training sees a new sample each episode.
/// </summary>
public sealed class SocSchedulingTask(SocSchedulingEnvironment env) : ISequentialEnvironment
{
    private SchedulingObservation? _last;
    private int _nextSeed;

    public SocSchedulingEnvironment Environment { get; } = env;

    public int ObservationLength => Environment.ObservationLength;

    public IReadOnlyList<int> ActionSizes { get; } = [env.ActionCount];

    /// <summary>The final info of the last finished episode (its <see cref="SchedulingInfo.Report"/> is the run's report).</summary>
    public SchedulingInfo? LastEpisode { get; private set; }

    /// <summary>Steps whose choice was an empty slot, since construction.</summary>
    public long IllegalChoices { get; private set; }

    public void Reset(int? seed, Span<double> observation)
    {
        if (seed is { } s) _nextSeed = s;
        var (obs, _) = Environment.Reset(_nextSeed++);
        Write(obs, observation);
    }

    public SequentialStep Step(ReadOnlySpan<int> actions, Span<double> observation)
    {
        var legal = _last!.LegalActions;
        var choice = actions[0];
        var feasible = choice < legal;
        if (!feasible) IllegalChoices++;
        var step = Environment.Step(feasible ? choice : choice % legal);
        Write(step.Observation, observation);
        if (step.Terminated) LastEpisode = step.Info;
        return new SequentialStep(step.Reward, step.Terminated, false, feasible);
    }

    private void Write(SchedulingObservation obs, Span<double> destination)
    {
        _last = obs;
        for (var i = 0; i < destination.Length; i++) destination[i] = obs.Features[i];
    }
}
