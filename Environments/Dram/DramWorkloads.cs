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

    /// <summary>
    /// The trace of <paramref name="workload"/>. With <paramref name="archGymTraces"/> (a folder holding ArchGym's own
    /// <c>stream.stl</c>, <c>random.stl</c>, <c>cloud-1.stl</c>, <c>cloud-2.stl</c>, gzipped or not) the four names read
    /// those files, request for request, instead of generating traces of their shape.
    /// </summary>
    /// <exception cref="InvalidConfigException">a missing, empty or malformed trace file (with file and line).</exception>
    public static ITraceSource Resolve(string workload, int seed, TraceFormat format = TraceFormat.Auto, string? archGymTraces = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var builtIn = BuiltIn.FirstOrDefault(b => b.Equals(workload.Trim(), StringComparison.OrdinalIgnoreCase));
        if (builtIn is not null && !string.IsNullOrEmpty(archGymTraces)) return Cache(new TraceFile(ArchGymFile(archGymTraces, builtIn)), builtIn);
        if (builtIn is not null) return Cache(TraceGenerators.ArchGym(builtIn, seed), builtIn);
        if (!File.Exists(workload))
            throw new InvalidConfigException("workload", workload, $"{string.Join(", ", BuiltIn)} or the path of an existing trace file");
        return Cache(new TraceFile(workload, format), Path.GetFileName(workload));
    }

    private static string ArchGymFile(string folder, string name)
    {
        foreach (var file in new[] { name + ".stl.gz", name + ".stl" })
            if (File.Exists(Path.Combine(folder, file))) return Path.Combine(folder, file);
        throw new InvalidConfigException("archgym_traces", folder, $"a folder holding ArchGym's {name}.stl or {name}.stl.gz");
    }

    private static ITraceSource Cache(ITraceSource source, string name)
    {
        List<TraceRequest>? requests = [];
        long count = 0;
        foreach (var r in source.Read())
        {
            if (++count > MaxCachedRequests) requests = null; // too long to keep: steps stream it from the file
            requests?.Add(r);
        }

        if (count == 0) throw new InvalidConfigException("workload", source.Name, "a trace with at least one request (this one is empty)");
        return requests is not null ? new InMemoryTrace(name, requests.ToArray()) : source;
    }
}
