using ArchGym.Simulators.Pim.Asic;
using ArchGym.Simulators.Pim.Baselines;
using ArchGym.Simulators.Pim.Commands;
using ArchGym.Simulators.Pim.Mapping;

namespace ArchGym.Simulators.Pim.Kernels;

/// <summary>
/// Prices VMMs on one configured device: for each placement the mapping policy offers, the device kernel builds
/// every distinct channel's command runs and the controller schedules them; the placement with the least latency
/// (slowest channel + the ASIC's partial-sum adds not hidden under the read-out) wins; splits are offered in increasing order and the search stops
/// once the cost rises. Results are memoised per shape (the weight products of a GPT run are scheduled once) and
/// per channel-work signature (attention products of consecutive steps share most channel schedules).
/// Not thread-safe: one evaluator per simulation run.
/// </summary>
internal sealed class VmmEvaluator(PimGeometry geometry, IMappingPolicy policy, AsicModel asic)
{
    private readonly ChannelController _controller = new(geometry.Channel, geometry.MacIntervalPs,
        geometry.Device.Unit.RegisterReadLatency, geometry.Device.Unit.RegisterWriteLatency);
    private readonly IPimKernel _kernel = PimKernels.For(geometry.Style);
    private readonly List<ColumnRun> _runs = new(1024);
    private readonly Dictionary<(bool, bool, int, int, int), VmmCost> _memo = [];
    private readonly Dictionary<string, KernelTiming> _schedules = [];
    private readonly System.Text.StringBuilder _key = new();

    public PimGeometry Geometry => geometry;

    public VmmCost Evaluate(in VmmOp op)
    {
        var key = (op.IsAttention, op.ValueCache, op.Groups, op.Outputs, op.Inputs);
        if (_memo.TryGetValue(key, out var cached)) return cached;
        VmmCost best = default;
        double bestNs = double.MaxValue;
        foreach (var partition in policy.Candidates(op, geometry))
        {
            var cost = Evaluate(op, partition);
            double pimNs = cost.Cycles * geometry.TckNs;
            long budget = asic.CyclesIn(pimNs); // partial sums are added as they are read out (see GptRun)
            double ns = pimNs + asic.Nanoseconds(AsicModel.Streamed(asic.Add(cost.AsicAdds), 1, ref budget).Cycles + asic.Macs(cost.AsicMacs).Cycles);
            if (ns >= bestNs) break; // cost rose with the split: further splits only add partial sums
            bestNs = ns;
            best = cost;
        }
        _memo[key] = best;
        return best;
    }

    /// <summary>The cost of one given placement.</summary>
    public VmmCost Evaluate(in VmmOp op, VmmPartition partition)
    {
        if (partition.OnAsic) return OnAsic(op, partition);
        KernelTiming slowest = default, all = default;
        foreach (var work in WorkAssignment.Build(op, partition, geometry))
        {
            var timing = Schedule(work, op);
            if (timing.Cycles > slowest.Cycles) slowest = timing;
            all += timing.Times(work.Channels);
        }
        long adds = (long)op.Groups * op.Outputs * (partition.Splits - 1);
        return new VmmCost(slowest, all, adds, 0, partition);
    }

    private KernelTiming Schedule(ChannelWork work, in VmmOp op)
    {
        // Kernels see a window only through whole columns (buffer load, segment length), so the key uses those.
        int perColumn = geometry.ElementsPerColumn;
        _key.Clear().Append(op.IsAttention ? 'A' : 'W').Append(work.PackedRows ? 'P' : 'R');
        foreach (var w in work.Windows)
            _key.Append(MappingPolicies.Ceil((long)w.Slices * w.SliceLength, perColumn)).Append(',')
                .Append(MappingPolicies.Ceil(w.SliceLength, perColumn)).Append(',').Append(w.SegmentsPerUnit).Append(';');
        var key = _key.ToString();
        if (_schedules.TryGetValue(key, out var known)) return known;
        _runs.Clear();
        _kernel.Build(work, op, geometry, _runs);
        var timing = _runs.Count == 0 ? default : _controller.Run(_runs);
        _schedules[key] = timing;
        return timing;
    }

    /// <summary>The command trace of the slowest channel under the chosen placement of <paramref name="op"/>.</summary>
    public List<Dram.IssuedCommand> TraceSlowest(in VmmOp op)
    {
        var partition = Evaluate(op).Partition;
        var trace = new List<Dram.IssuedCommand>();
        long slowest = -1;
        foreach (var work in WorkAssignment.Build(op, partition, geometry))
        {
            _runs.Clear();
            _kernel.Build(work, op, geometry, _runs);
            var candidate = new List<Dram.IssuedCommand>();
            _controller.Trace = candidate;
            long cycles = _runs.Count == 0 ? 0 : _controller.Run(_runs).Cycles;
            _controller.Trace = null;
            if (cycles > slowest) (slowest, trace) = (cycles, candidate);
        }
        return trace;
    }

    /// <summary>Schedules arbitrary runs on one channel (e.g. KV-cache appends).</summary>
    public KernelTiming Schedule(List<ColumnRun> runs) => runs.Count == 0 ? default : _controller.Run(runs);

    // The operand is streamed out to the ASIC, which does the MACs (row-major V cache).
    private VmmCost OnAsic(in VmmOp op, VmmPartition partition)
    {
        long bytes = op.Macs * PimGeometry.ElementBytes;
        long bursts = (bytes + geometry.Device.ColumnBytes * (long)geometry.Channels - 1) / (geometry.Device.ColumnBytes * (long)geometry.Channels);
        long rowsPerChannel = (bursts + geometry.ColumnsPerRow - 1) / geometry.ColumnsPerRow;
        long cycles = StreamingBaseline.ReadCycles(geometry.Channel, bursts);
        var one = new KernelTiming(cycles, 0, 0, cycles, rowsPerChannel, 0, bursts, bursts).SingleBank();
        return new VmmCost(one, one.Times(geometry.Channels), 0, op.Macs, partition);
    }
}
