namespace ArchGym.Simulators.Workloads.Traces;

/// <summary>
/// One memory request of a trace: issue time in DRAM clock cycles, byte address, direction and, when
/// the trace names it (DRAMSys's <c>(length)</c> field), its size in bytes (0 = one burst).
/// </summary>
public readonly record struct TraceRequest(long Cycle, ulong Address, bool IsWrite, int Bytes = 0);

/// <summary>
/// A re-readable, streamed sequence of requests in non-decreasing cycle order. <see cref="Read"/>
/// starts a fresh pass each time, so a source can be simulated many times and from many threads;
/// implementations hold only a small window of the trace in memory.
/// </summary>
public interface ITraceSource
{
    string Name { get; }
    IEnumerable<TraceRequest> Read();
}

/// <summary>A trace held in memory (tests, generated workloads materialised once).</summary>
public sealed class InMemoryTrace(string name, IReadOnlyList<TraceRequest> requests) : ITraceSource
{
    public string Name { get; } = name;
    public IReadOnlyList<TraceRequest> Requests { get; } = requests;
    public IEnumerable<TraceRequest> Read() => Requests;
}
