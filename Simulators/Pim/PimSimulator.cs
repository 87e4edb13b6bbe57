using ArchGym.Simulators.Common;
using ArchGym.Simulators.Pim.Asic;
using ArchGym.Simulators.Pim.Baselines;
using ArchGym.Simulators.Pim.Commands;
using ArchGym.Simulators.Pim.Devices;
using ArchGym.Simulators.Pim.Energy;
using ArchGym.Simulators.Pim.Kernels;
using ArchGym.Simulators.Pim.Mapping;
using ArchGym.Simulators.Workloads.Gpt;

namespace ArchGym.Simulators.Pim;

/// <summary>
/// Processing-in-memory simulator for GPT inference (PIM-GPT class: Wu, Wang, Lu 2023). DRAM banks with MAC units
/// do every vector-matrix product; an ASIC does the rest. Command-level and event-driven on the DRAM simulator's
/// JEDEC timing model: each VMM becomes per-channel column runs (the device's kernel protocol over the mapping
/// policy's data layout) that a barrier-ordered open-row controller schedules; refresh is injected on the timeline.
/// Pure, deterministic and thread-safe: every call builds its own state.
/// </summary>
public sealed class PimSimulator : ISimulator<PimConfig, GptWorkload, PimReport>
{
    /// <summary>Generates <see cref="GptWorkload.GeneratedTokens"/> tokens after the prompt.</summary>
    /// <exception cref="InvalidConfigException">the model's weights and KV cache do not fit the configured device.</exception>
    public PimReport Run(PimConfig config, GptWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(workload);
        var geometry = new PimGeometry(config, PimDeviceCatalog.Get(config.Device));
        return new GptRun(config, geometry, workload.Model).Run(workload);
    }

    /// <summary>
    /// One (<paramref name="outDim"/> × <paramref name="inDim"/>) FP16/BF16 matrix-vector product from an idle device,
    /// with the mapping the config names, and the plain-DRAM streaming time of the same product (to compare with
    /// PIMSimulator's GEMV benchmark).
    /// </summary>
    /// <exception cref="InvalidConfigException">a dimension below 1, or a matrix larger than the device.</exception>
    public GemvReport Gemv(PimConfig config, int outDim, int inDim)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (outDim < 1) throw new InvalidConfigException(nameof(outDim), outDim, "a whole number >= 1");
        if (inDim < 1) throw new InvalidConfigException(nameof(inDim), inDim, "a whole number >= 1");
        var geometry = new PimGeometry(config, PimDeviceCatalog.Get(config.Device));
        var asic = new AsicModel(config.AsicClockMhz, config.AsicVectorWidth);
        var evaluator = new VmmEvaluator(geometry, MappingPolicies.For(config.Mapping), asic);
        var op = new VmmOp("gemv", false, 1, outDim, inDim);
        var cost = evaluator.Evaluate(op);
        CapacityCheck.Require(CapacityCheck.RowsPerBank(op, cost.Partition, geometry), geometry, $"gemv {outDim}x{inDim}");

        var refresh = new RefreshClock(geometry.Device.Timing);
        long pim = cost.Cycles + refresh.Run(0, cost.Cycles) * refresh.PenaltyCycles;
        var energyModel = new EnergyModel(geometry);
        var energy = energyModel.Commands(cost.AllChannels) + energyModel.Static(refresh.Count, pim)
            + EnergyModel.Asic(asic.Add(cost.AsicAdds).Ops, asic.EnergyPerOpPj);
        return new GemvReport(geometry.Device.Name, config.Mapping, outDim, inDim, pim,
            StreamingGemvCycles(geometry, outDim, inDim), geometry.TckNs, refresh.Count, cost.Partition.Splits,
            cost.AllChannels.Activations, cost.AllChannels.MacCommands, cost.AllChannels.RowHitRate, energy);
    }

    /// <summary>
    /// The DRAM commands of <see cref="Gemv"/> on its slowest channel (refresh excluded), in issue order: ACT/PRE/RD/WR
    /// on lead banks, MACs as RD. On a register-file device (HBM-PIM) every MAC is a real column read, so the trace
    /// can be replayed through the DRAM simulator's independent <see cref="Dram.Checking.TimingChecker"/>.
    /// </summary>
    public IReadOnlyList<Dram.IssuedCommand> TraceGemv(PimConfig config, int outDim, int inDim)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (outDim < 1) throw new InvalidConfigException(nameof(outDim), outDim, "a whole number >= 1");
        if (inDim < 1) throw new InvalidConfigException(nameof(inDim), inDim, "a whole number >= 1");
        var geometry = new PimGeometry(config, PimDeviceCatalog.Get(config.Device));
        var evaluator = new VmmEvaluator(geometry, MappingPolicies.For(config.Mapping), new AsicModel(config.AsicClockMhz, config.AsicVectorWidth));
        return evaluator.TraceSlowest(new VmmOp("gemv", false, 1, outDim, inDim)).AsReadOnly();
    }

    /// <summary>The channel standard a trace of <paramref name="config"/> is to be checked against (device timing, configured banks).</summary>
    public static Dram.Standards.DramStandard ChannelStandard(PimConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new PimGeometry(config, PimDeviceCatalog.Get(config.Device)).Channel;
    }

    // PIMSimulator's non-PIM GEMV (GemvPIMBenchTest): read W then x, write y, read x, write y; each phase drains.
    private static long StreamingGemvCycles(PimGeometry g, long outDim, long inDim)
    {
        int burst = g.Device.ColumnBytes, ch = g.Channels, e = PimGeometry.ElementBytes;
        long weights = StreamingBaseline.BurstsPerChannel(outDim * inDim * e + inDim * e, burst, ch);
        long input = StreamingBaseline.BurstsPerChannel(inDim * e, burst, ch);
        long output = StreamingBaseline.BurstsPerChannel(outDim * e, burst, ch);
        long body = StreamingBaseline.ReadCycles(g.Channel, weights) + StreamingBaseline.WriteCycles(g.Channel, output)
            + StreamingBaseline.ReadCycles(g.Channel, input) + StreamingBaseline.WriteCycles(g.Channel, output);
        var refresh = new RefreshClock(g.Device.Timing);
        return body + refresh.Run(0, body) * refresh.PenaltyCycles;
    }
}
