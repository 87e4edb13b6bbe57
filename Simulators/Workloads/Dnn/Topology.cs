namespace ArchGym.Simulators.Workloads.Dnn;

/// <summary>A named network: its layers in execution order.</summary>
public sealed record Topology(string Name, IReadOnlyList<Layer> Layers)
{
    public long TotalMacs => Layers.Sum(l => l.Macs);
}
