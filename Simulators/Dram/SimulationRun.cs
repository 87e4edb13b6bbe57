using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram.Power;
using ArchGym.Simulators.Dram.Standards;
using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// One simulation: the <see cref="Frontend"/> (trace player and arbiter) in front of one
/// <see cref="Controller"/> per channel. Each event time runs DRAMSys's controller order: responses
/// that begin now, then request acceptance, then at most one command per channel (a column command
/// frees buffer space for another acceptance); then time jumps to the next event. Memory is
/// proportional to the requests in flight, not to the trace length.
/// </summary>
internal sealed class SimulationRun
{
    private readonly DramStandard _standard;
    private readonly CompiledMapping _mapping;
    private readonly DramConfig _config;
    private readonly RequestTable _requests = new();
    private readonly Controller[] _channels;
    private readonly List<IssuedCommand>? _log;
    private readonly LatencyHistogram _latency = new();

    public SimulationRun(DramConfig config)
    {
        var (standard, mapping) = config.Resolve();
        _standard = standard; _config = config;
        _mapping = mapping.Compile(standard);
        _log = config.RecordCommands ? new List<IssuedCommand>() : null;
        _channels = new Controller[standard.Organization.Channels];
        for (int c = 0; c < _channels.Length; c++) _channels[c] = new Controller(c, standard, config, _requests, _log);
    }

    public DramReport Execute(ITraceSource workload)
    {
        var c0 = _config.Controller;
        var source = new RequestSource(workload, _standard, _mapping, _requests);
        IFrontend front = c0.TransactionQueueSize > 0
            ? new TransactionQueueFrontend(source, c0, _channels, _requests)
            : new Frontend(source, c0, _channels, _requests);
        // With the Simple arbiter (and DRAMsim3's queue) nothing waits for a response, so responses are collected
        // at the next event (with their own times) instead of being events themselves.
        bool responseEvents = c0.Arbiter != ArbiterKind.Simple && c0.TransactionQueueSize == 0;
        long now = 0, lastResponse = 0;
        while (true)
        {
            for (int c = 0; c < _channels.Length; c++)
            {
                var responses = _channels[c].Responses;
                while (responses.TryPeek(out int slot, out long time) && time <= now)
                {
                    responses.Pop();
                    ref var r = ref _requests[slot];
                    if (!r.IsWrite) _latency.Add(time - r.BeginCycle);
                    lastResponse = Math.Max(lastResponse, time);
                    front.Responded(slot, time);
                    _requests.Release(slot);
                }
            }
            if (front.Done) break; // the simulation ends with the last response
            front.BeforeCommands(now);
            for (int c = 0; c < _channels.Length; c++)
                if (_channels[c].Step(now)) front.AfterColumnCommand(c, now);
            front.AfterCommands(now);
            if (front.Done) break;
            long next = front.NextEvent(now), response = long.MaxValue;
            for (int c = 0; c < _channels.Length; c++)
            {
                next = Math.Min(next, _channels[c].NextEvent(now));
                if (_channels[c].Responses.TryPeek(out _, out long rt)) response = Math.Min(response, Math.Max(rt, now + 1));
            }
            if (responseEvents || next >= TimingModel.Never) next = Math.Min(next, response);
            if (next >= TimingModel.Never) throw new InvalidOperationException("DRAM simulation stalled with requests in flight");
            now = next;
        }
        if (front.Reads + front.Writes == 0)
            throw new InvalidConfigException("trace", workload.Name, "at least one request (the trace is empty)");
        long end = lastResponse;
        foreach (var ch in _channels) end = Math.Max(end, ch.LastCommandEnd);
        foreach (var ch in _channels) ch.FinishBackground(end);
        return Report(end, front.Reads, front.Writes);
    }

    private DramReport Report(long cycles, long reads, long writes)
    {
        long act = 0, pre = 0, rd = 0, wr = 0, refs = 0, hits = 0, cols = 0;
        var energy = new EnergyBreakdown(0, 0, 0, 0, 0, 0);
        foreach (var ch in _channels)
        {
            var k = ch.Counters;
            act += k.Act; pre += k.Pre + k.PreAll; rd += k.Rd; wr += k.Wr; refs += k.RefAb + k.RefPb;
            hits += k.RowHits; cols += k.ColumnCommands;
            energy += PowerModel.Energy(_standard, k, cycles, _standard.Organization.Ranks);
        }
        double tck = _standard.Timing.TckNs;
        long requests = reads + writes;
        return new DramReport
        {
            Standard = _standard.Name, TckNs = tck, SimulatedCycles = cycles,
            Requests = requests, ReadRequests = reads, WriteRequests = writes,
            AverageReadLatencyCycles = _latency.Mean,
            P50ReadLatencyCycles = _latency.Percentile(0.50), P99ReadLatencyCycles = _latency.Percentile(0.99),
            BandwidthGBps = cycles == 0 ? 0 : requests * (double)_standard.BytesPerBurst / (cycles * tck),
            RowBufferHitRate = cols == 0 ? 0 : (double)hits / cols,
            Activates = act, Precharges = pre, ReadCommands = rd, WriteCommands = wr, Refreshes = refs,
            Energy = energy,
            Commands = _log is null ? [] : _log.AsReadOnly(),
        };
    }
}
