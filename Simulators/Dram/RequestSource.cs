using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram.Standards;
using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// The trace side of a front end: pulls the next request from the (streamed) trace, checks it,
/// decodes its address and puts it in a request slot.
/// </summary>
internal sealed class RequestSource(ITraceSource trace, DramStandard standard, CompiledMapping mapping, RequestTable requests)
{
    private readonly IEnumerator<TraceRequest> _trace = trace.Read().GetEnumerator();
    private long _nextId;

    public long Reads { get; private set; }
    public long Writes { get; private set; }
    public bool Exhausted { get; private set; }

    /// <summary>The next request in a fresh slot and its trace cycle; false at the end of the trace.</summary>
    /// <exception cref="InvalidConfigException">a request larger than one burst or beyond the mapped memory.</exception>
    public bool TryFetch(out int slot, out long cycle)
    {
        slot = -1; cycle = 0;
        if (Exhausted || !_trace.MoveNext()) { Exhausted = true; return false; }
        var t = _trace.Current;
        if (t.Bytes > standard.BytesPerBurst)
            throw new InvalidConfigException("request bytes", t.Bytes, $"at most one {standard.BytesPerBurst}-byte burst of {standard.Name}", $"{trace.Name}: request {_nextId + 1}");
        mapping.Decode(t.Address, trace.Name, _nextId, out int channel, out int bank, out int row);
        slot = requests.Allocate();
        ref var r = ref requests[slot];
        r.Id = _nextId++; r.Address = t.Address; r.IsWrite = t.IsWrite; r.NeededActivate = false;
        r.Channel = channel; r.Bank = bank; r.Row = row;
        cycle = t.Cycle;
        if (t.IsWrite) Writes++; else Reads++;
        return true;
    }
}

/// <summary>What the simulation loop asks of a front end (trace player plus whatever sits before the controllers).</summary>
internal interface IFrontend
{
    long Reads { get; }
    long Writes { get; }
    /// <summary>Every request of the trace has been answered.</summary>
    bool Done { get; }
    /// <summary>Progress at <paramref name="now"/> before the controllers issue commands.</summary>
    void BeforeCommands(long now);
    /// <summary>Channel <paramref name="channel"/> issued a column command at <paramref name="now"/> (buffer space freed).</summary>
    void AfterColumnCommand(int channel, long now);
    /// <summary>Progress at <paramref name="now"/> after the controllers issued their commands.</summary>
    void AfterCommands(long now);
    /// <summary>Request <paramref name="slot"/> began its response at the controller at <paramref name="time"/>.</summary>
    void Responded(int slot, long time);
    /// <summary>The next cycle after <paramref name="now"/> at which the front end does something by itself.</summary>
    long NextEvent(long now);
}
