namespace ArchGym.Simulators.Dram;

// The memory-controller policy knobs, with DRAMSys's value names (DRAMSys mcconfig JSON).

/// <summary>Row-buffer policy: keep rows open, close after every access, or decide from the queue.</summary>
public enum PagePolicyKind { Open, OpenAdaptive, Closed, ClosedAdaptive }

/// <summary>Per-bank request selection: oldest first, row hits first, or row hits first grouped by read/write.</summary>
public enum SchedulerKind { Fifo, FrFcfs, FrFcfsGrp }

/// <summary>How RequestBufferSize is counted: per bank, per read/write direction, or one shared pool.</summary>
public enum SchedulerBufferKind { Bankwise, ReadWrite, Shared }

/// <summary>Order in which responses leave the controller: issue order, or request (arrival) order.</summary>
public enum RespQueueKind { Fifo, Reorder }

/// <summary>Refresh: none, all-bank REF every tREFI, or per-bank REFpb every tREFIpb (LPDDR4/HBM2 only).</summary>
public enum RefreshPolicyKind { NoRefresh, AllBank, PerBank }

/// <summary>Front-end arbiter: Simple forwards one request at a time (the initiator waits for the
/// controller) and ignores MaxActiveTransactions; Fifo and Reorder accept up to MaxActiveTransactions
/// at once and queue them per channel, and Reorder returns responses in request order.</summary>
public enum ArbiterKind { Simple, Fifo, Reorder }
