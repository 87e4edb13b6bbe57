namespace ArchGym.Simulators.Dram.Buffers;

/// <summary>Capacity accounting of the scheduler buffer (DRAMSys BufferCounterIF).</summary>
internal interface IRequestBuffer
{
    /// <summary>Whether the controller may accept the next request (decided before decoding it, as DRAMSys does).</summary>
    bool HasSpace { get; }
    /// <summary>Whether a request to <paramref name="bank"/> would fit (DRAMsim3's per-bank check, no head-of-line blocking).</summary>
    bool HasSpaceFor(int bank, bool isWrite);
    void Store(int bank, bool isWrite);
    void Remove(int bank, bool isWrite);
}

/// <summary>
/// DRAMSys BufferCounterBankwise: RequestBufferSize entries per bank; the space check looks at the bank
/// of the most recently stored request, so one full bank stalls the front end (head-of-line blocking).
/// </summary>
internal sealed class BankwiseBuffer(int size, int banks) : IRequestBuffer
{
    private readonly int[] _perBank = new int[banks];
    private int _lastBank;
    public bool HasSpace => _perBank[_lastBank] < size;
    public bool HasSpaceFor(int bank, bool isWrite) => _perBank[bank] < size;
    public void Store(int bank, bool isWrite) { _lastBank = bank; _perBank[bank]++; }
    public void Remove(int bank, bool isWrite) => _perBank[bank]--;
}

/// <summary>DRAMSys BufferCounterReadWrite: separate read and write budgets; both must have room.</summary>
internal sealed class ReadWriteBuffer(int readSize, int writeSize) : IRequestBuffer
{
    private int _reads, _writes;
    public bool HasSpace => _reads < readSize && _writes < writeSize;
    public bool HasSpaceFor(int bank, bool isWrite) => isWrite ? _writes < writeSize : _reads < readSize;
    public void Store(int bank, bool isWrite) { if (isWrite) _writes++; else _reads++; }
    public void Remove(int bank, bool isWrite) { if (isWrite) _writes--; else _reads--; }
}

/// <summary>DRAMSys BufferCounterShared: one pool of RequestBufferSize entries for all banks.</summary>
internal sealed class SharedBuffer(int size) : IRequestBuffer
{
    private int _count;
    public bool HasSpace => _count < size;
    public bool HasSpaceFor(int bank, bool isWrite) => _count < size;
    public void Store(int bank, bool isWrite) => _count++;
    public void Remove(int bank, bool isWrite) => _count--;
}
