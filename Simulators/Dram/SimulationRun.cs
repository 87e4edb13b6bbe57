using ArchGym.Simulators.Dram.Power;
using ArchGym.Simulators.Dram.Standards;
using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// One simulation: the trace player and arbiter in front of one <see cref="Controller"/> per channel.
/// The player presents request i at max(its timestamp, END_REQ of i-1); the controller sees it
/// ThinkDelayFw later and accepts it when the scheduler buffer has space (DRAMSys back-pressure).
/// Fifo/Reorder arbiters hold requests while MaxActiveTransactions are outstanding (Reorder counts a
/// transaction until every older one has answered). Time jumps from event to event.
/// </summary>
internal sealed class SimulationRun
{
    private readonly DramStandard _standard;
    private readonly AddressMapping _mapping;
    private readonly ControllerConfig _cfg;
    private readonly RequestTable _requests = new();
    private readonly Controller[] _channels;
    private readonly List<IssuedCommand>? _log;
    private readonly LatencyRecorder _latency = new();
    private readonly InOrderRelease _release;
    private readonly int _maxActive;

    public SimulationRun(DramConfig config)
    {
        (_standard, _mapping) = config.Resolve();
        _cfg = config.Controller;
        _log = config.RecordCommands ? new List<IssuedCommand>() : null;
        _channels = new Controller[_standard.Organization.Channels];
        for (int c = 0; c < _channels.Length; c++) _channels[c] = new Controller(c, _standard, _cfg, _requests, _log);
        _maxActive = _cfg.Arbiter == ArbiterKind.Simple ? int.MaxValue : _cfg.MaxActiveTransactions;
        _release = new InOrderRelease(_cfg.Arbiter == ArbiterKind.Reorder);
    }

    public DramReport Execute(ITraceSource workload)
    {
        using var trace = workload.Read().GetEnumerator();
        int think = _cfg.ThinkDelayFwCycles, outstanding = 0, pending = -1;
        long endReq = 0, earliest = 0, arrival = long.MaxValue, nextId = 0, reads = 0, writes = 0, now = 0, last = 0;
        bool presented = false, traceDone = false;

        void Fetch()
        {
            pending = -1; presented = false;
            if (traceDone || !trace.MoveNext()) { traceDone = true; return; }
            var t = trace.Current;
            var d = _mapping.Decode(t.Address);
            pending = _requests.Allocate();
            ref var r = ref _requests[pending];
            r.Id = nextId++; r.Address = t.Address; r.IsWrite = t.IsWrite; r.NeededActivate = false;
            r.Channel = d.Channel; r.Row = d.Row;
            r.Bank = (d.Rank * _standard.Organization.BankGroups + d.BankGroup) * _standard.Organization.BanksPerGroup + d.Bank;
            if (t.IsWrite) writes++; else reads++;
            earliest = Math.Max(t.Cycle, endReq);
        }

        void Present(long at)
        {
            if (pending < 0 || presented || outstanding >= _maxActive) return;
            presented = true; outstanding++;
            ref var r = ref _requests[pending];
            r.BeginCycle = Math.Max(earliest, at);
            arrival = r.BeginCycle + think;
        }

        bool TryAccept(long at, long endReqAt)
        {
            if (!presented || arrival > at) return false;
            var ch = _channels[_requests[pending].Channel];
            if (!ch.HasBufferSpace) return false;
            ch.Accept(pending);
            _release.Accepted(_requests[pending].Id);
            endReq = endReqAt;
            Fetch();
            Present(endReqAt);
            return true;
        }

        Fetch();
        Present(0);
        while (true)
        {
            // (1) responses that begin now
            foreach (var ch in _channels)
            {
                while (ch.Responses.TryPeek(out int slot, out long time) && time <= now)
                {
                    ch.Responses.Pop();
                    ref var r = ref _requests[slot];
                    if (!r.IsWrite) _latency.Add(time - r.BeginCycle);
                    outstanding -= _release.Responded(r.Id);
                    last = Math.Max(last, time);
                    _requests.Release(slot);
                }
            }
            Present(now);
            // (2) accept a request, (3) issue commands; a column command frees buffer space at once
            TryAccept(now, now);
            foreach (var ch in _channels)
                if (ch.Step(now)) TryAccept(now, now + think);
            if (traceDone && pending < 0 && outstanding == 0) break;
            // (4) jump to the next event
            long next = long.MaxValue;
            foreach (var ch in _channels)
            {
                next = Math.Min(next, ch.NextEvent(now));
                if (ch.Responses.TryPeek(out _, out long rt)) next = Math.Min(next, Math.Max(rt, now + 1));
            }
            if (presented && arrival > now) next = Math.Min(next, arrival);
            now = next;
        }
        foreach (var ch in _channels) ch.FinishBackground(last);
        return Report(last, reads, writes); // DRAMSys: end of the last phase
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
            var e = PowerModel.Energy(_standard, k, cycles, _standard.Organization.Ranks);
            energy = new EnergyBreakdown(energy.ActivatePicojoules + e.ActivatePicojoules, energy.PrechargePicojoules + e.PrechargePicojoules,
                energy.ReadPicojoules + e.ReadPicojoules, energy.WritePicojoules + e.WritePicojoules,
                energy.RefreshPicojoules + e.RefreshPicojoules, energy.BackgroundPicojoules + e.BackgroundPicojoules);
        }
        double tck = _standard.Timing.TckNs;
        long requests = reads + writes;
        return new DramReport
        {
            Standard = _standard.Name, TckNs = tck, SimulatedCycles = cycles,
            Requests = requests, ReadRequests = reads, WriteRequests = writes,
            AverageReadLatencyCycles = _latency.Mean,
            P50ReadLatencyNs = _latency.Percentile(0.50) * tck, P99ReadLatencyNs = _latency.Percentile(0.99) * tck,
            BandwidthGBps = requests == 0 ? 0 : requests * (double)_standard.BytesPerBurst / (cycles * tck),
            RowBufferHitRate = cols == 0 ? 0 : (double)hits / cols,
            Activates = act, Precharges = pre, ReadCommands = rd, WriteCommands = wr, Refreshes = refs,
            Energy = energy,
            Commands = _log is null ? [] : _log.AsReadOnly(),
        };
    }
}
