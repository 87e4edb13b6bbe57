using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// Memory-controller configuration with DRAMSys's knob names and defaults (DRAMSys 5 McConfig;
/// delays in controller clock cycles as at DRAMSys 6b0146713a). Immutable; <see cref="Validate"/>
/// throws <see cref="InvalidConfigException"/> naming the bad field. Build one from knob names and
/// values with <see cref="ControllerKnobs"/>.
/// </summary>
public sealed record ControllerConfig
{
    public PagePolicyKind PagePolicy { get; init; } = PagePolicyKind.Open;
    public SchedulerKind Scheduler { get; init; } = SchedulerKind.FrFcfs;
    public SchedulerBufferKind SchedulerBuffer { get; init; } = SchedulerBufferKind.Bankwise;
    /// <summary>Entries per bank (Bankwise) or in total (Shared); ReadWrite uses the two sizes below.</summary>
    public int RequestBufferSize { get; init; } = 8;
    /// <summary>Read entries for the ReadWrite buffer (DRAMSys's RequestBufferSizeRead).</summary>
    public int RequestBufferSizeRead { get; init; } = 8;
    /// <summary>Write entries for the ReadWrite buffer (DRAMSys's RequestBufferSizeWrite).</summary>
    public int RequestBufferSizeWrite { get; init; } = 8;
    public RespQueueKind RespQueue { get; init; } = RespQueueKind.Fifo;
    public RefreshPolicyKind RefreshPolicy { get; init; } = RefreshPolicyKind.AllBank;
    /// <summary>Refreshes that may be postponed while the rank is busy (JEDEC allows up to 8).</summary>
    public int RefreshMaxPostponed { get; init; }
    /// <summary>Refreshes that may be pulled in while the rank is idle (JEDEC allows up to 8).</summary>
    public int RefreshMaxPulledin { get; init; }
    public ArbiterKind Arbiter { get; init; } = ArbiterKind.Simple;
    /// <summary>Transactions the Fifo/Reorder arbiter lets be in flight (the Simple arbiter ignores it).</summary>
    public int MaxActiveTransactions { get; init; } = 64;
    /// <summary>Cycles from BEGIN_REQ at the controller to the request being considered, and END_REQ after a column command (DRAMSys ThinkDelayFw, default 1).</summary>
    public int ThinkDelayFwCycles { get; init; } = 1;
    /// <summary>Cycles added to every response (DRAMSys ThinkDelayBw).</summary>
    public int ThinkDelayBwCycles { get; init; }
    /// <summary>Arbiter-to-controller request delay (DRAMSys ArbitrationDelayFw).</summary>
    public int ArbitrationDelayFwCycles { get; init; }
    /// <summary>Arbiter-to-initiator response delay (DRAMSys ArbitrationDelayBw).</summary>
    public int ArbitrationDelayBwCycles { get; init; }
    /// <summary>Controller-to-DRAM command delay, added to responses (DRAMSys PhyDelayFw).</summary>
    public int PhyDelayFwCycles { get; init; }
    /// <summary>DRAM-to-controller data delay, added to responses (DRAMSys PhyDelayBw).</summary>
    public int PhyDelayBwCycles { get; init; }
    /// <summary>
    /// 0 (default): DRAMSys's front end (trace player and <see cref="Arbiter"/>). Above 0: DRAMsim3's
    /// instead: a transaction queue of this many entries per channel (DRAMsim3 trans_queue_size)
    /// from which, each cycle, the oldest request whose bank has buffer space moves on (no
    /// head-of-line blocking); latency counts from entering it. Not a DRAMSys knob.
    /// </summary>
    public int TransactionQueueSize { get; init; }

    /// <summary>ArchGym's DRAMGym default policy (archgym-configs/policy.json).</summary>
    public static ControllerConfig ArchGymDefault { get; } = new()
    {
        PagePolicy = PagePolicyKind.Open, Scheduler = SchedulerKind.Fifo, SchedulerBuffer = SchedulerBufferKind.Bankwise,
        RequestBufferSize = 1, RequestBufferSizeRead = 1, RequestBufferSizeWrite = 1, RespQueue = RespQueueKind.Fifo,
        RefreshPolicy = RefreshPolicyKind.NoRefresh, RefreshMaxPostponed = 1, RefreshMaxPulledin = 1,
        Arbiter = ArbiterKind.Simple, MaxActiveTransactions = 1,
    };

    /// <exception cref="InvalidConfigException">a value outside what DRAMSys accepts.</exception>
    public ControllerConfig Validate()
    {
        Defined(nameof(PagePolicy), PagePolicy); Defined(nameof(Scheduler), Scheduler);
        Defined(nameof(SchedulerBuffer), SchedulerBuffer); Defined(nameof(RespQueue), RespQueue);
        Defined(nameof(RefreshPolicy), RefreshPolicy); Defined(nameof(Arbiter), Arbiter);
        InRange(nameof(RequestBufferSize), RequestBufferSize, 1, 1 << 20);
        InRange(nameof(RequestBufferSizeRead), RequestBufferSizeRead, 1, 1 << 20);
        InRange(nameof(RequestBufferSizeWrite), RequestBufferSizeWrite, 1, 1 << 20);
        InRange(nameof(MaxActiveTransactions), MaxActiveTransactions, 1, 1 << 20);
        InRange(nameof(RefreshMaxPostponed), RefreshMaxPostponed, 0, 8);
        InRange(nameof(RefreshMaxPulledin), RefreshMaxPulledin, 0, 8);
        InRange("ThinkDelayFw", ThinkDelayFwCycles, 0, 1000); InRange("ThinkDelayBw", ThinkDelayBwCycles, 0, 1000);
        InRange("ArbitrationDelayFw", ArbitrationDelayFwCycles, 0, 1000); InRange("ArbitrationDelayBw", ArbitrationDelayBwCycles, 0, 1000);
        InRange("PhyDelayFw", PhyDelayFwCycles, 0, 1000); InRange("PhyDelayBw", PhyDelayBwCycles, 0, 1000);
        InRange(nameof(TransactionQueueSize), TransactionQueueSize, 0, 1 << 20);
        return this;
    }

    private static void Defined<T>(string field, T value) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw new InvalidConfigException(field, value, string.Join(", ", Enum.GetNames<T>()));
    }

    private static void InRange(string field, int value, int min, int max)
    {
        if (value < min || value > max) throw new InvalidConfigException(field, value, $"an integer in [{min}, {max}]");
    }
}
