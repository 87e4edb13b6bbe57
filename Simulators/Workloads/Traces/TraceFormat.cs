namespace ArchGym.Simulators.Workloads.Traces;

/// <summary>Trace text formats.</summary>
public enum TraceFormat
{
    /// <summary>Detect from the first request line.</summary>
    Auto,
    /// <summary>DRAMSys StlPlayer: <c>&lt;cycle&gt;:\t[(&lt;bytes&gt;)\t]&lt;read|write&gt;\t&lt;hex address&gt;[\t&lt;data&gt;]</c>.</summary>
    DramSys,
    /// <summary>DRAMsim3: <c>&lt;hex address&gt; &lt;READ|WRITE&gt; &lt;cycle&gt;</c>.</summary>
    DramSim3,
    /// <summary>Ramulator memory traces, one request per cycle: Ramulator's <c>&lt;hex address&gt; &lt;R|W&gt;</c> or
    /// Ramulator 2's LoadStoreTrace <c>&lt;LD|ST&gt; &lt;0x hex or decimal address&gt;</c>.</summary>
    Ramulator,
}
