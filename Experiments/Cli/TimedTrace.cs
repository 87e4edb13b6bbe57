using System.Diagnostics;
using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Experiments.Cli;

/// <summary>
/// Streams a trace in blocks of <see cref="BlockSize"/> requests and times the reading and parsing of each block, so a
/// command can report the simulation's own wall time (total minus <see cref="ParseElapsed"/>) while the trace is still
/// streamed: memory stays one block, whatever the trace's length. One pass at a time.
/// </summary>
public sealed class TimedTrace(ITraceSource inner) : ITraceSource
{
    public const int BlockSize = 4096;

    private long _parseTicks;

    public string Name => inner.Name;

    /// <summary>Time spent reading and parsing the trace so far.</summary>
    public TimeSpan ParseElapsed => Stopwatch.GetElapsedTime(0, _parseTicks);

    public IEnumerable<TraceRequest> Read()
    {
        var block = new TraceRequest[BlockSize];
        long start = Stopwatch.GetTimestamp();
        using var e = inner.Read().GetEnumerator(); // opening the file and checking its first line count as parsing
        _parseTicks += Stopwatch.GetTimestamp() - start;
        while (true)
        {
            start = Stopwatch.GetTimestamp();
            int n = 0;
            while (n < block.Length && e.MoveNext()) block[n++] = e.Current;
            _parseTicks += Stopwatch.GetTimestamp() - start;
            for (int i = 0; i < n; i++) yield return block[i];
            if (n < block.Length) yield break;
        }
    }
}
