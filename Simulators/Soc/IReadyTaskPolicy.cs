namespace ArchGym.Simulators.Soc;

/// <summary>
/// DeepSoCS-style hook: at each decision the policy picks one of <see cref="SocSimulation.ReadyTasks"/> (by index);
/// the simulator places it on the PE of earliest finish time. Drive <see cref="SocSimulation"/> directly to step it.
/// </summary>
public interface IReadyTaskPolicy
{
    int ChooseReadyTask(SocSimulation simulation);
}
