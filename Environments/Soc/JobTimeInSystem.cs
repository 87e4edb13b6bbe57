using ArchGym.Simulators.Soc;

namespace ArchGym.Environments.Soc;

/// <summary>
/// The integral over time of the number of jobs in the system, from t = 0 (Decima's and DeepSoCS's reward: its
/// increments, negated, reward finishing jobs early; by Little's law it is the summed latency of the jobs). Each call
/// with a later time adds the jobs injected since and settles those that finished. One instance per episode.
/// </summary>
internal sealed class JobTimeInSystem
{
    private readonly List<int> _active = [];
    private long _seen;
    private double _finishedUs;

    /// <summary>Sum over jobs injected by <paramref name="nowUs"/> of (min(finish, now) - injection), us.</summary>
    public double TotalUs(SocSimulation sim, double nowUs)
    {
        for (; _seen < sim.InjectedJobCount; _seen++) _active.Add(checked((int)_seen));
        var open = 0.0;
        for (var i = _active.Count - 1; i >= 0; i--)
        {
            var job = _active[i];
            var finish = sim.TaskFinishUs(sim.TaskHandle(job, sim.JobGraphOf(job).TailId));
            if (!double.IsNaN(finish) && finish <= nowUs)
            {
                _finishedUs += finish - sim.JobInjectedUs(job);
                _active.RemoveAt(i);
            }
            else
            {
                open += nowUs - sim.JobInjectedUs(job);
            }
        }
        return _finishedUs + open;
    }
}
