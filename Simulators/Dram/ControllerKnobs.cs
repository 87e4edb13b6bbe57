using System.Globalization;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// Builds a <see cref="ControllerConfig"/> from DRAMSys knob names and text values, as a CLI or an
/// environment has them (<c>PagePolicy=OpenAdaptive</c>, <c>RequestBufferSize=4</c>). Names and enum
/// values are matched case-insensitively; anything unknown throws <see cref="InvalidConfigException"/>
/// naming the knob, the value and what is allowed. Knobs this simulator does not model are accepted
/// only at the value it implements (CmdMux Oldest, PowerDownPolicy NoPowerDown, RefreshManagement false).
/// </summary>
public static class ControllerKnobs
{
    /// <summary>The knobs ArchGym's DRAMGym explores, in its order.</summary>
    public static IReadOnlyList<string> DesignKnobs { get; } =
    [
        "PagePolicy", "Scheduler", "SchedulerBuffer", "RequestBufferSize", "RespQueue", "RefreshPolicy",
        "RefreshMaxPostponed", "RefreshMaxPulledin", "Arbiter", "MaxActiveTransactions",
    ];

    /// <summary>Every accepted knob name (DRAMSys McConfig keys).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. DesignKnobs, "RequestBufferSizeRead", "RequestBufferSizeWrite", "ThinkDelayFw", "ThinkDelayBw",
        "ArbitrationDelayFw", "ArbitrationDelayBw", "PhyDelayFw", "PhyDelayBw", "CmdMux", "PowerDownPolicy",
        "RefreshManagement", "HighWatermark", "LowWatermark", "BlockingReadDelay", "BlockingWriteDelay", "TransactionQueueSize",
    ];

    /// <summary>Applies knobs in order to <paramref name="baseConfig"/> (DRAMSys's defaults when null) and validates the result.</summary>
    public static ControllerConfig FromKnobs(IEnumerable<KeyValuePair<string, string>> knobs, ControllerConfig? baseConfig = null)
    {
        var c = baseConfig ?? new ControllerConfig();
        foreach (var (name, value) in knobs) c = With(c, name, value);
        return c.Validate();
    }

    /// <summary>
    /// One knob. Setting <c>RequestBufferSize</c> also sets the ReadWrite buffer's read and write sizes
    /// (DRAMSys 5's ReadWrite buffer reads only those; a single size knob means all three, as the
    /// reference runs set them); pass <paramref name="dramSysSemantics"/> to keep them separate.
    /// </summary>
    public static ControllerConfig With(ControllerConfig c, string name, string value, bool dramSysSemantics = false, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        var knob = Names.FirstOrDefault(n => n.Equals(name?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidConfigException("knob", name, string.Join(", ", Names), source);
        value = value?.Trim() ?? "";
        return knob switch
        {
            "PagePolicy" => c with { PagePolicy = Enum<PagePolicyKind>(knob, value, source) },
            "Scheduler" => c with { Scheduler = Enum<SchedulerKind>(knob, value, source) },
            "SchedulerBuffer" => c with { SchedulerBuffer = Enum<SchedulerBufferKind>(knob, value, source) },
            "RequestBufferSize" when dramSysSemantics => c with { RequestBufferSize = Int(knob, value, 1, source) },
            "RequestBufferSize" => AllBuffers(c, Int(knob, value, 1, source)),
            "RequestBufferSizeRead" => c with { RequestBufferSizeRead = Int(knob, value, 1, source) },
            "RequestBufferSizeWrite" => c with { RequestBufferSizeWrite = Int(knob, value, 1, source) },
            "RespQueue" => c with { RespQueue = Enum<RespQueueKind>(knob, value, source) },
            "RefreshPolicy" => c with { RefreshPolicy = RefreshValue(value, source) },
            "RefreshMaxPostponed" => c with { RefreshMaxPostponed = Int(knob, value, 0, source, 8) },
            "RefreshMaxPulledin" => c with { RefreshMaxPulledin = Int(knob, value, 0, source, 8) },
            "Arbiter" => c with { Arbiter = Enum<ArbiterKind>(knob, value, source) },
            "MaxActiveTransactions" => c with { MaxActiveTransactions = Int(knob, value, 1, source) },
            "ThinkDelayFw" => c with { ThinkDelayFwCycles = Int(knob, value, 0, source) },
            "ThinkDelayBw" => c with { ThinkDelayBwCycles = Int(knob, value, 0, source) },
            "ArbitrationDelayFw" => c with { ArbitrationDelayFwCycles = Int(knob, value, 0, source) },
            "ArbitrationDelayBw" => c with { ArbitrationDelayBwCycles = Int(knob, value, 0, source) },
            "PhyDelayFw" => c with { PhyDelayFwCycles = Int(knob, value, 0, source) },
            "PhyDelayBw" => c with { PhyDelayBwCycles = Int(knob, value, 0, source) },
            "TransactionQueueSize" => c with { TransactionQueueSize = Int(knob, value, 0, source) },
            "CmdMux" => Only(c, knob, value, "Oldest", source),
            "PowerDownPolicy" => Only(c, knob, value, "NoPowerDown", source),
            "RefreshManagement" => Only(c, knob, value, "false", source),
            // Watermarks only matter for DRAMSys's GrpFrFcfsWm scheduler, blocking delays only for b_transport.
            _ => Unmodelled(c, Int(knob, value, 0, source)),
        };
    }

    /// <summary>The values a knob accepts, for help texts and error messages.</summary>
    public static string Allowed(string name) => Names.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) switch
    {
        "PagePolicy" => Join<PagePolicyKind>(), "Scheduler" => Join<SchedulerKind>(), "SchedulerBuffer" => Join<SchedulerBufferKind>(),
        "RespQueue" => Join<RespQueueKind>(), "RefreshPolicy" => Join<RefreshPolicyKind>(), "Arbiter" => Join<ArbiterKind>(),
        "RefreshMaxPostponed" or "RefreshMaxPulledin" => "an integer in [0, 8]",
        "RequestBufferSize" or "RequestBufferSizeRead" or "RequestBufferSizeWrite" or "MaxActiveTransactions" => "an integer >= 1",
        "CmdMux" => "Oldest", "PowerDownPolicy" => "NoPowerDown", "RefreshManagement" => "false",
        null => string.Join(", ", Names),
        _ => "an integer >= 0",
    };

    private static T Enum<T>(string knob, string value, string? source) where T : struct, Enum =>
        System.Enum.TryParse<T>(value, ignoreCase: true, out var v) && System.Enum.IsDefined(v) && !int.TryParse(value, out _)
            ? v : throw new InvalidConfigException(knob, value, Join<T>(), source);

    // DRAMSys also reads the older names Rankwise (AllBank) and Bankwise (PerBank).
    private static RefreshPolicyKind RefreshValue(string value, string? source) => value.ToLowerInvariant() switch
    {
        "rankwise" => RefreshPolicyKind.AllBank,
        "bankwise" => RefreshPolicyKind.PerBank,
        _ => Enum<RefreshPolicyKind>("RefreshPolicy", value, source),
    };

    private static int Int(string knob, string value, int min, string? source, int max = 1 << 20) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= min && v <= max
            ? v : throw new InvalidConfigException(knob, value, max == 1 << 20 ? $"an integer >= {min}" : $"an integer in [{min}, {max}]", source);

    private static ControllerConfig AllBuffers(ControllerConfig c, int n) =>
        c with { RequestBufferSize = n, RequestBufferSizeRead = n, RequestBufferSizeWrite = n };

    // The value has been checked to be an integer; these knobs do not change this model.
    private static ControllerConfig Unmodelled(ControllerConfig c, int _) => c;

    private static ControllerConfig Only(ControllerConfig c, string knob, string value, string allowed, string? source) =>
        value.Equals(allowed, StringComparison.OrdinalIgnoreCase) ? c
            : throw new InvalidConfigException(knob, value, $"{allowed} (the only value this simulator models)", source);

    private static string Join<T>() where T : struct, Enum => string.Join(", ", System.Enum.GetNames<T>());
}
