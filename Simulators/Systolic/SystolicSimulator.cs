using ArchGym.Simulators.Common;
using ArchGym.Simulators.Systolic.Area;
using ArchGym.Simulators.Systolic.Dataflows;
using ArchGym.Simulators.Systolic.Energy;
using ArchGym.Simulators.Systolic.Memory;
using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Systolic;

/// <summary>
/// A systolic-array DNN accelerator simulator reproducing SCALE-Sim v2 (2.0.2): compute cycles,
/// utilisation and SRAM traffic in closed form (README §5), stalls and DRAM traffic from an event-driven
/// model of its double-buffered SRAMs (§6: only window slides, jumps, drains and stalls are visited, never
/// every demand line), plus energy and area models. Pure and thread-safe.
/// </summary>
public sealed class SystolicSimulator(EnergyCosts? energyCosts = null, AreaCosts? areaCosts = null)
    : ISimulator<SystolicConfig, Topology, SystolicReport>
{
    private readonly EnergyCosts energyCosts = energyCosts ?? EnergyCosts.Horowitz45nm;
    private readonly AreaCosts areaCosts = areaCosts ?? AreaCosts.Default45nm;

    public SystolicReport Run(SystolicConfig config, Topology topology)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(topology);
        var layers = new LayerReport[topology.Layers.Count];
        // A layer's result depends only on its shape (the name is a label), and networks repeat shapes
        // (ResNet blocks, transformer layers): simulate each shape once per run.
        var byShape = new Dictionary<LayerShape, LayerReport>();
        for (int i = 0; i < layers.Length; i++)
        {
            var layer = topology.Layers[i];
            var shape = LayerShape.Of(layer);
            if (byShape.TryGetValue(shape, out var same))
            {
                layers[i] = same with { Layer = layer.Name };
                continue;
            }

            layers[i] = RunLayer(config, layer);
            byShape.Add(shape, layers[i]);
        }

        return new SystolicReport(config, topology.Name, layers);
    }

    /// <summary>Everything of a <see cref="Layer"/> the simulation reads.</summary>
    private readonly record struct LayerShape(int IfmapHeight, int IfmapWidth, int FilterHeight, int FilterWidth,
        int Channels, int NumFilters, int StrideHeight, int StrideWidth)
    {
        public static LayerShape Of(Layer l) => new(l.IfmapHeight, l.IfmapWidth, l.FilterHeight, l.FilterWidth,
            l.Channels, l.NumFilters, l.StrideHeight, l.StrideWidth);
    }

    public LayerReport RunLayer(SystolicConfig config, Layer layer)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(layer);
        CheckSize(layer);
        var plan = new FoldPlan(config, layer);
        var streams = DataflowStreams.For(plan);
        var memory = MemorySimulation.Run(config, plan, streams, Im2colAddresses.ForLayer(layer));

        long total = memory.TotalCycles;
        var energy = EnergyModel.Estimate(config, plan.Macs, total,
            plan.IfmapSramReads, plan.FilterSramReads, plan.OfmapSramWrites,
            memory.Ifmap.Words, memory.Filter.Words, memory.Ofmap.Words, energyCosts);
        return new LayerReport(layer.Name, total, total - memory.StallCycles, memory.StallCycles,
            100.0 * plan.Macs / ((double)total * config.Pes), plan.MappingEffPct, plan.ComputeUtilPct,
            plan.IfmapSramReads, plan.FilterSramReads, plan.OfmapSramWrites,
            memory.Ifmap.Words, memory.Filter.Words, memory.Ofmap.Words,
            memory.Ifmap.AverageWordsPerCycle, memory.Filter.AverageWordsPerCycle, memory.Ofmap.AverageWordsPerCycle,
            energy.TotalPj, AreaModel.TotalMm2(config, areaCosts))
        {
            Macs = plan.Macs,
            Energy = energy,
            DramCycles = new DramCycles(memory.Ifmap.StartCycle, memory.Ifmap.StopCycle,
                memory.Filter.StartCycle, memory.Filter.StopCycle, memory.Ofmap.StartCycle, memory.Ofmap.StopCycle),
        };
    }

    /// <summary>Address tables are int-indexed; refuse layers whose operands do not fit.</summary>
    private static void CheckSize(Layer layer)
    {
        if ((long)layer.IfmapHeight * layer.IfmapWidth * layer.Channels > int.MaxValue)
            throw new InvalidConfigException($"{layer.Name}.Ifmap", $"{layer.IfmapHeight}x{layer.IfmapWidth}x{layer.Channels}", "at most 2^31 - 1 words");
        if (layer.M * layer.K > int.MaxValue || layer.K * layer.N > int.MaxValue)
            throw new InvalidConfigException($"{layer.Name}.Size", $"M={layer.M} N={layer.N} K={layer.K}", "M*K and K*N at most 2^31 - 1");
    }
}
