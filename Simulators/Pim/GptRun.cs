using ArchGym.Simulators.Pim.Asic;
using ArchGym.Simulators.Pim.Baselines;
using ArchGym.Simulators.Pim.Commands;
using ArchGym.Simulators.Pim.Energy;
using ArchGym.Simulators.Pim.Kernels;
using ArchGym.Simulators.Pim.Mapping;
using ArchGym.Simulators.Workloads.Gpt;

namespace ArchGym.Simulators.Pim;

/// <summary>
/// One GPT generation, step by step (PIM-GPT's dataflow: the ASIC and the PIM channels take turns, layer after
/// layer, overlapping only where the data allows: element-wise ASIC work on a product's read-out, the softmax under
/// the v write). Every block of a step has the same shapes, so a step prices one block's operations (VMMs memoised
/// across steps, attention products per KV length) and counts it Layers times; the DRAM timeline runs on across
/// steps so refreshes fall where they would (<see cref="RefreshClock"/>). Owns its mutable state: one run, one thread.
/// </summary>
internal sealed class GptRun
{
    private readonly PimGeometry _g;
    private readonly PimConfig _config;
    private readonly GptModel _model;
    private readonly AsicModel _asic;
    private readonly VmmEvaluator _vmm;
    private readonly EnergyModel _energy;
    private readonly GpuRoofline _gpu;
    private readonly KernelTiming _kAppend, _vAppend; // busiest channel, one block
    private RefreshClock _refresh;
    private long _now;
    private long _streamBudget; // ASIC cycles of the last PIM product not yet used by work streamed on its results

    public GptRun(PimConfig config, PimGeometry geometry, GptModel model)
    {
        _g = geometry;
        _config = config;
        _model = model;
        _asic = new AsicModel(config.AsicClockMhz, config.AsicVectorWidth);
        _vmm = new VmmEvaluator(geometry, MappingPolicies.For(config.Mapping), _asic);
        _energy = new EnergyModel(geometry);
        _gpu = new GpuRoofline(GpuCatalog.Get(config.Gpu));
        _refresh = new RefreshClock(geometry.Device.Timing);
        (_kAppend, _vAppend) = PriceKvAppend();
    }

    public PimReport Run(GptWorkload workload)
    {
        CheckCapacity(workload.PromptTokens + workload.GeneratedTokens);
        var prompt = new PhaseTotals();
        for (int step = 0; step < workload.PromptTokens; step++) prompt.Add(Step(step + 1, emitsToken: false));
        var generation = new PhaseTotals();
        var tokens = new TokenReport[workload.GeneratedTokens];
        for (int i = 0; i < tokens.Length; i++)
        {
            int kv = workload.PromptTokens + i + 1;
            var step = Step(kv, emitsToken: true);
            generation.Add(step);
            tokens[i] = new TokenReport(i, kv, step.Latency, step.Energy, step.RowHitRate, step.GpuUs);
        }
        return new PimReport(_config, _model.Name, workload.PromptTokens, workload.GeneratedTokens, Array.AsReadOnly(tokens),
            prompt.ToReport(), generation.ToReport(), _gpu.Gpu.Name);
    }

    private StepResult Step(int kv, bool emitsToken)
    {
        var block = GptOperations.Block(_model, kv);
        var outside = GptOperations.Outside(_model, emitsToken);
        KernelTiming slow = default, all = default;
        AsicWork asic = default;
        foreach (var op in block) Price(op, ref slow, ref all, ref asic);
        slow = slow.Times(_model.Layers);
        all = all.Times(_model.Layers);
        asic = asic.Times(_model.Layers);
        foreach (var op in outside) Price(op, ref slow, ref all, ref asic);

        long refreshesBefore = _refresh.Count, start = _now;
        long stalls = _refresh.Run(_now, slow.Cycles) * _refresh.PenaltyCycles;
        _now += slow.Cycles + stalls;
        double asicNs = _asic.Nanoseconds(asic.Cycles);
        _now += (long)Math.Ceiling(asicNs / _g.TckNs);
        _refresh.Idle(_now);

        double us = _g.TckNs / 1000, share = slow.Cycles == 0 ? 0 : (double)stalls / slow.Cycles;
        var latency = new LatencyBreakdown(slow.VmmCycles * (1 + share) * us, slow.AttentionCycles * (1 + share) * us,
            asicNs / 1000, slow.DataMovementCycles * (1 + share) * us);
        var energy = _energy.Commands(all) + _energy.Static(_refresh.Count - refreshesBefore, _now - start)
            + EnergyModel.Asic(asic.Ops, _asic.EnergyPerOpPj);
        double gpuUs = _gpu.StepUs(block, _model.Layers, outside);
        return new StepResult(latency, energy, all.RowHits, all.RowColumns, _refresh.Count - refreshesBefore,
            all.BusBursts * _g.Device.ColumnBytes, gpuUs, _gpu.EnergyUj(gpuUs));
    }

    private void Price(in GptOperation op, ref KernelTiming slow, ref KernelTiming all, ref AsicWork asic)
    {
        if (op.Kind is not (GptOpKind.Gelu or GptOpKind.ResidualAdd)) _streamBudget = 0; // reductions wait for their whole input
        switch (op.Kind)
        {
            case GptOpKind.LayerNorm: asic += _asic.LayerNorm(op.Rows); break;
            case GptOpKind.Softmax:
                // This token's v enters the cache while the ASIC runs the softmax (the channels are idle then, and
                // s·V needs both): the softmax shows only where it outlasts the writes.
                slow += _vAppend;
                all += _vAppend.Times(_g.Channels);
                long idle = _asic.CyclesIn(_vAppend.Cycles * _g.TckNs);
                asic += AsicModel.Streamed(_asic.Softmax(op.Groups, op.Rows), 0, ref idle);
                break;
            // Element-wise on the product just before (fc1, attention/FFN projections): streamed on its read-out.
            case GptOpKind.Gelu: asic += AsicModel.Streamed(_asic.Gelu(op.Rows), AsicModel.GeluOpsPerElement, ref _streamBudget); break;
            case GptOpKind.ResidualAdd: asic += AsicModel.Streamed(_asic.Add(op.Rows), 1, ref _streamBudget); break;
            case GptOpKind.Argmax: asic += _asic.Argmax(op.Rows); break;
            case GptOpKind.Embedding:
                // Token and position rows read from DRAM, added on the ASIC.
                long bursts = StreamingBaseline.BurstsPerChannel(2L * op.Rows * PimGeometry.ElementBytes, _g.Device.ColumnBytes, _g.Channels);
                long cycles = StreamingBaseline.ReadCycles(_g.Channel, bursts);
                var read = new KernelTiming(cycles, 0, 0, cycles, 2, 0, bursts, bursts).SingleBank();
                slow += read;
                all += read.Times(_g.Channels);
                asic += _asic.Add(op.Rows);
                break;
            case GptOpKind.Vmm:
                AddVmm(new VmmOp(op.Name, false, 1, op.Rows, op.Cols), ref slow, ref all, ref asic);
                break;
            case GptOpKind.AttentionScores:
                AddVmm(new VmmOp(op.Name, true, op.Groups, op.Rows, op.Cols), ref slow, ref all, ref asic);
                slow += _kAppend;  // this token's k enters the cache before the product
                all += _kAppend.Times(_g.Channels);
                break;
            case GptOpKind.AttentionValues:
                AddVmm(new VmmOp(op.Name, true, op.Groups, op.Rows, op.Cols, ValueCache: true), ref slow, ref all, ref asic);
                break;
        }
    }

    private void AddVmm(in VmmOp op, ref KernelTiming slow, ref KernelTiming all, ref AsicWork asic)
    {
        var cost = _vmm.Evaluate(op);
        slow += cost.Slowest;
        all += cost.AllChannels;
        _streamBudget = _asic.CyclesIn(cost.Cycles * _g.TckNs);
        // Partial sums are added as the channels read them out; a product left to the ASIC runs after its operand.
        asic += AsicModel.Streamed(_asic.Add(cost.AsicAdds), 1, ref _streamBudget) + (cost.AsicMacs > 0 ? _asic.Macs(cost.AsicMacs) : default);
    }

    // K and V appends of one block on the busiest channel (see KvAppendKernel), by mapping, each from an idle channel.
    private (KernelTiming K, KernelTiming V) PriceKvAppend()
    {
        int d = _model.DModel, perColumn = _g.ElementsPerColumn, ch = _g.Channels, banks = _g.BanksPerChannel;
        long share = (d + ch - 1) / ch;
        int contiguousBursts = (int)((share + perColumn - 1) / perColumn);
        var k = new List<ColumnRun>();
        var v = new List<ColumnRun>();
        if (_config.Mapping == MappingPolicy.PimGpt)
        {
            KvAppendKernel.Build(k, 1, contiguousBursts, banks);       // K row-major, heads concatenated
            KvAppendKernel.Build(v, share, 1, banks);                  // V column-major: one burst per row
        }
        else
        {
            long headRows = (_model.Heads + ch - 1) / ch;              // K one row per head
            KvAppendKernel.Build(k, headRows, (_model.HeadDim + perColumn - 1) / perColumn, banks);
            KvAppendKernel.Build(v, 1, contiguousBursts, banks);       // V row-major
        }
        return (_vmm.Schedule(k).SingleBank(), _vmm.Schedule(v).SingleBank()); // normal-mode writes
    }

    private void CheckCapacity(int contextTokens)
    {
        long rows = 0;
        var block = GptOperations.Block(_model, contextTokens);
        foreach (var op in block)
        {
            if (op.Kind is not (GptOpKind.Vmm or GptOpKind.AttentionScores or GptOpKind.AttentionValues)) continue;
            var vmm = new VmmOp(op.Name, op.Kind != GptOpKind.Vmm, op.Groups, op.Rows, op.Cols, op.Kind == GptOpKind.AttentionValues);
            rows += CapacityCheck.RowsPerBank(vmm, _vmm.Evaluate(vmm).Partition, _g) * _model.Layers;
        }
        var head = new VmmOp("lm_head", false, 1, _model.Vocabulary, _model.DModel);
        rows += CapacityCheck.RowsPerBank(head, _vmm.Evaluate(head).Partition, _g);
        long positions = (long)_model.ContextLength * _model.DModel * PimGeometry.ElementBytes;
        long banks = (long)_g.Channels * _g.BanksPerChannel;
        rows += (positions + _g.Device.RowBytes * banks - 1) / (_g.Device.RowBytes * banks);
        CapacityCheck.Require(rows, _g, $"{_model.Name} ({_model.Parameters / 1e6:F0} M parameters, {contextTokens}-token KV cache)");
    }

    private readonly record struct StepResult(LatencyBreakdown Latency, EnergyBreakdown Energy, long RowHits, long RowAccesses,
        long Refreshes, long BusBytes, double GpuUs, double GpuUj)
    {
        public double RowHitRate => RowAccesses == 0 ? 0 : (double)RowHits / RowAccesses;
    }

    private sealed class PhaseTotals
    {
        private int _steps;
        private LatencyBreakdown _latency;
        private EnergyBreakdown _energy;
        private double _gpuUs, _gpuUj;
        private long _hits, _accesses, _refreshes, _bytes;

        public void Add(in StepResult s)
        {
            _steps++;
            _latency += s.Latency;
            _energy += s.Energy;
            _gpuUs += s.GpuUs;
            _gpuUj += s.GpuUj;
            _hits += s.RowHits;
            _accesses += s.RowAccesses;
            _refreshes += s.Refreshes;
            _bytes += s.BusBytes;
        }

        public PhaseReport ToReport() => new(_steps, _latency, _energy, _gpuUs, _gpuUj, _hits, _accesses, _refreshes, _bytes);
    }
}
