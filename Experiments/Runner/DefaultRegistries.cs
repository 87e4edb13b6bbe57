using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Environments.Dram;
using ArchGym.Environments.Pim;
using ArchGym.Environments.Soc;
using ArchGym.Environments.Synthetic;
using ArchGym.Environments.Systolic;

namespace ArchGym.Experiments.Runner;

/// <summary>Every environment and agent the archgym command knows, built fresh (no global state).</summary>
public sealed record DefaultRegistries(EnvironmentRegistry Environments, AgentRegistry Agents)
{
    public static DefaultRegistries Create()
    {
        var environments = new EnvironmentRegistry();
        SystolicEnvironments.Register(environments);
        PimEnvironments.Register(environments);
        SyntheticEnvironment.Register(environments);
        SocEnvironments.Register(environments);
        DramEnvironments.Register(environments);
        return new DefaultRegistries(environments, AgentRegistry.CreateDefault());
    }
}
