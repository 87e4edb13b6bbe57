using ArchGym.Simulators.Common;
using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Environments.Dram;

/// <summary>
/// Resolves the <c>workload</c> option of <c>dram-v0</c> once per environment: one of ArchGym's four DRAMGym workloads
/// (<c>stream</c>, <c>random</c>, <c>cloud-1</c>, <c>cloud-2</c>: 10 000 reads, one per cycle, generated with the
/// trace seed by <see cref="TraceGenerators.ArchGym"/>), or the path of a trace file (DRAMSys .stl, DRAMsim3 or
/// Ramulator, plain or gzip). The trace is read through once here, so a malformed line fails when the environment
/// is made (naming file and line), not in the middle of a search; traces up to <see cref="MaxCachedRequests"/>
/// requests are then kept in memory so every step replays them without parsing, longer ones stream from the file.
/// </summary>
public static class DramWorkloads
{
    public static IReadOnlyList<string> BuiltIn { get; } = ["stream", "random", "cloud-1", "cloud-2"];

    /// <summary>Requests kept in memory (24 bytes each, 24 MB); a longer trace is re-read from its file at every step.</summary>
    public const int MaxCachedRequests = 1 << 20;

    /// <exception cref="InvalidConfigException">a missing, empty or malformed trace file (with file and line).</exception>
    public static ITraceSource Resolve(string workload, int seed, TraceFormat format = TraceFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var builtIn = BuiltIn.FirstOrDefault(b => b.Equals(workload.Trim(), StringComparison.OrdinalIgnoreCase));
        if (builtIn is not null) return Cache(TraceGenerators.ArchGym(builtIn, seed), builtIn);
        if (!File.Exists(workload))
            throw new InvalidConfigException("workload", workload, $"{string.Join(", ", BuiltIn)} or the path of an existing trace file");
        return Cache(new TraceFile(workload, format), Path.GetFileName(workload));
    }

    private static ITraceSource Cache(ITraceSource source, string name)
    {
        var requests = new List<TraceRequest>();
        long count = 0;
        foreach (var r in source.Read())
        {
            if (count++ < MaxCachedRequests) requests.Add(r);
            else requests.Clear();
        }

        if (count == 0) throw new InvalidConfigException("workload", source.Name, "a trace with at least one request (this one is empty)");
        return count <= MaxCachedRequests ? new InMemoryTrace(name, requests.ToArray()) : source;
    }
}
