using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Systolic;

/// <summary>
/// A systolic-array accelerator as SCALE-Sim v2 describes it: an R x C PE array, three
/// double-buffered SRAMs (sizes in kB) and the DRAM interface mode. Every property validates on
/// construction and on <c>with</c>, throwing <see cref="InvalidConfigException"/>.
/// </summary>
public sealed record SystolicConfig
{
    public const int MaxArrayEdge = 4096;
    public const int MaxSramKb = 1 << 20;

    public SystolicConfig(int ArrayRows, int ArrayCols, Dataflow Dataflow,
        int IfmapSramKb, int FilterSramKb, int OfmapSramKb,
        BandwidthMode BandwidthMode = BandwidthMode.Calc, int BandwidthWordsPerCycle = 10,
        int WordBytes = 1, string RunName = "")
    {
        this.ArrayRows = ArrayRows;
        this.ArrayCols = ArrayCols;
        this.Dataflow = Dataflow;
        this.IfmapSramKb = IfmapSramKb;
        this.FilterSramKb = FilterSramKb;
        this.OfmapSramKb = OfmapSramKb;
        this.BandwidthMode = BandwidthMode;
        this.BandwidthWordsPerCycle = BandwidthWordsPerCycle;
        this.WordBytes = WordBytes;
        this.RunName = RunName;
    }

    /// <summary>R: PE rows (SCALE-Sim ArrayHeight).</summary>
    public int ArrayRows { get; init => field = InRange(nameof(ArrayRows), value, 1, MaxArrayEdge); }

    /// <summary>C: PE columns (SCALE-Sim ArrayWidth).</summary>
    public int ArrayCols { get; init => field = InRange(nameof(ArrayCols), value, 1, MaxArrayEdge); }

    public Dataflow Dataflow
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new InvalidConfigException(nameof(Dataflow), value, DataflowNames.Allowed);
    }

    public int IfmapSramKb { get; init => field = InRange(nameof(IfmapSramKb), value, 1, MaxSramKb); }
    public int FilterSramKb { get; init => field = InRange(nameof(FilterSramKb), value, 1, MaxSramKb); }
    public int OfmapSramKb { get; init => field = InRange(nameof(OfmapSramKb), value, 1, MaxSramKb); }

    public BandwidthMode BandwidthMode
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new InvalidConfigException(nameof(BandwidthMode), value, "Calc | User");
    }

    /// <summary>DRAM words/cycle per buffer; used only in <see cref="BandwidthMode.User"/> (SCALE-Sim Bandwidth).</summary>
    public int BandwidthWordsPerCycle { get; init => field = InRange(nameof(BandwidthWordsPerCycle), value, 1, 1 << 16); }

    /// <summary>Bytes per word. SCALE-Sim fixes 1; an SRAM holds kB*1024/WordBytes words.</summary>
    public int WordBytes
    {
        get;
        init => field = value is 1 or 2 or 4 ? value : throw new InvalidConfigException(nameof(WordBytes), value, "1, 2 or 4");
    }

    public string RunName { get; init => field = value ?? ""; } = "";

    /// <summary>PEs in the array.</summary>
    public int Pes => ArrayRows * ArrayCols;

    internal int IfmapWords => IfmapSramKb * 1024 / WordBytes;
    internal int FilterWords => FilterSramKb * 1024 / WordBytes;
    internal int OfmapWords => OfmapSramKb * 1024 / WordBytes;

    private static int InRange(string field, int value, int min, int max) =>
        value >= min && value <= max ? value : throw new InvalidConfigException(field, value, $"a whole number in [{min}, {max}]");
}
