using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// Memory-controller configuration with DRAMSys's knob names and defaults (DRAMSys McConfig). Immutable;
/// <see cref="Validate"/> throws <see cref="InvalidConfigException"/> naming the bad field.
/// </summary>
public sealed record ControllerConfig
{
    public PagePolicyKind PagePolicy { get; init; } = PagePolicyKind.Open;
    public SchedulerKind Scheduler { get; init; } = SchedulerKind.FrFcfs;
    public SchedulerBufferKind SchedulerBuffer { get; init; } = SchedulerBufferKind.Bankwise;
    /// <summary>Entries per bank (Bankwise) or in total (Shared).</summary>
    public int RequestBufferSize { get; init; } = 8;
    /// <summary>Read entries for the ReadWrite buffer (DRAMSys's RequestBufferSizeRead).</summary>
    public int RequestBufferSizeRead { get; init; } = 8;
    /// <summary>Write entries for the ReadWrite buffer (DRAMSys's RequestBufferSizeWrite).</summary>
    public int RequestBufferSizeWrite { get; init; } = 8;
    public RespQueueKind RespQueue { get; init; } = RespQueueKind.Fifo;
    public RefreshPolicyKind RefreshPolicy { get; init; } = RefreshPolicyKind.AllBank;
    /// <summary>Refreshes that may be postponed while requests wait (JEDEC allows up to 8).</summary>
    public int RefreshMaxPostponed { get; init; }
    /// <summary>Refreshes that may be pulled in while the rank is idle (JEDEC allows up to 8).</summary>
    public int RefreshMaxPulledin { get; init; }
    public ArbiterKind Arbiter { get; init; } = ArbiterKind.Simple;
    public int MaxActiveTransactions { get; init; } = 64;
    /// <summary>Cycles from a request reaching the controller to it being considered (DRAMSys ThinkDelayFw, default 1).</summary>
    public int ThinkDelayFwCycles { get; init; } = 1;

    /// <summary>ArchGym's DRAMGym default policy (archgym-configs/policy.json).</summary>
    public static ControllerConfig ArchGymDefault { get; } = new()
    {
        PagePolicy = PagePolicyKind.Open, Scheduler = SchedulerKind.Fifo, SchedulerBuffer = SchedulerBufferKind.Bankwise,
        RequestBufferSize = 1, RequestBufferSizeRead = 1, RequestBufferSizeWrite = 1, RespQueue = RespQueueKind.Fifo,
        RefreshPolicy = RefreshPolicyKind.NoRefresh, RefreshMaxPostponed = 1, RefreshMaxPulledin = 1,
        Arbiter = ArbiterKind.Simple, MaxActiveTransactions = 1,
    };

    public ControllerConfig Validate()
    {
        Defined(nameof(PagePolicy), PagePolicy); Defined(nameof(Scheduler), Scheduler);
        Defined(nameof(SchedulerBuffer), SchedulerBuffer); Defined(nameof(RespQueue), RespQueue);
        Defined(nameof(RefreshPolicy), RefreshPolicy); Defined(nameof(Arbiter), Arbiter);
        AtLeast(nameof(RequestBufferSize), RequestBufferSize, 1);
        AtLeast(nameof(RequestBufferSizeRead), RequestBufferSizeRead, 1);
        AtLeast(nameof(RequestBufferSizeWrite), RequestBufferSizeWrite, 1);
        AtLeast(nameof(MaxActiveTransactions), MaxActiveTransactions, 1);
        InRange(nameof(RefreshMaxPostponed), RefreshMaxPostponed, 0, 8);
        InRange(nameof(RefreshMaxPulledin), RefreshMaxPulledin, 0, 8);
        InRange(nameof(ThinkDelayFwCycles), ThinkDelayFwCycles, 0, 1000);
        return this;
    }

    private static void Defined<T>(string field, T value) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw new InvalidConfigException(field, value, string.Join(", ", Enum.GetNames<T>()));
    }

    private static void AtLeast(string field, int value, int min)
    {
        if (value < min) throw new InvalidConfigException(field, value, $"an integer >= {min}");
    }

    private static void InRange(string field, int value, int min, int max)
    {
        if (value < min || value > max) throw new InvalidConfigException(field, value, $"an integer in [{min}, {max}]");
    }
}
