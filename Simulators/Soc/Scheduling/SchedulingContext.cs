namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>What a scheduler may read (through <see cref="Simulation"/>) and do (assign, draw random numbers) during a pass.</summary>
public sealed class SchedulingContext
{
    internal SchedulingContext(SocSimulation simulation, Random rng)
    {
        Simulation = simulation;
        Rng = rng;
    }

    public SocSimulation Simulation { get; }

    /// <summary>The run's seeded scheduler stream (schedulers must not create their own).</summary>
    public Random Rng { get; }

    public double NowUs => Simulation.NowUs;

    /// <summary>Copies the still unassigned ready tasks into <paramref name="buffer"/> (cleared first), in DS3 ready-list order.</summary>
    public void CopyReadyTasks(List<int> buffer)
    {
        buffer.Clear();
        var ready = Simulation.ReadyTasks;
        for (var i = 0; i < ready.Count; i++)
            if (Simulation.AssignedPe(ready[i]) < 0) buffer.Add(ready[i]);
    }

    /// <summary>Assigns a ready task to a PE; the PE's estimated available time becomes its earliest finish time there.</summary>
    public void Assign(int task, int pe) => Simulation.Assign(task, pe, Simulation.EarliestFinishUs(task, pe));

    /// <summary>
    /// Assigns a ready task to a PE, recording <paramref name="estimatedFinishUs"/> as the PE's available time; with
    /// <paramref name="dependency"/> &gt;= 0 the task may not start before that task has finished (a plan's PE order).
    /// </summary>
    public void Assign(int task, int pe, double estimatedFinishUs, int dependency = -1) =>
        Simulation.Assign(task, pe, estimatedFinishUs, dependency);
}
