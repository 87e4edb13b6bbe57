using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Environments.Systolic;

/// <summary>
/// The knobs of <c>systolic-v0</c>: array shape (powers of two 4..256, non-square allowed), dataflow,
/// the three double-buffered SRAM sizes (powers of two, kB) and, in USER bandwidth mode, the DRAM
/// interface bandwidth (words/cycle). About 0.9 million design points with bandwidth, 0.1 million without.
/// </summary>
public static class SystolicSpace
{
    public const string ArrayRows = "array_rows";
    public const string ArrayCols = "array_cols";
    public const string Dataflow = "dataflow";
    public const string IfmapSramKb = "ifmap_sram_kb";
    public const string FilterSramKb = "filter_sram_kb";
    public const string OfmapSramKb = "ofmap_sram_kb";
    public const string DramBandwidth = "dram_bandwidth";

    /// <summary>Dataflow choices in SCALE-Sim's short names, in the order of the categorical's indices.</summary>
    public static readonly IReadOnlyList<string> Dataflows = ["os", "ws", "is"];

    public static ParameterSpace Create(bool withBandwidth)
    {
        var parameters = new List<Parameter>
        {
            OrdinalParameter.PowersOfTwo(ArrayRows, 4, 256, "PE rows of the systolic array"),
            OrdinalParameter.PowersOfTwo(ArrayCols, 4, 256, "PE columns of the systolic array"),
            new CategoricalParameter(Dataflow, Dataflows, "os = output stationary, ws = weight stationary, is = input stationary"),
            OrdinalParameter.PowersOfTwo(IfmapSramKb, 8, 2048, "ifmap scratchpad size in kB (double-buffered)"),
            OrdinalParameter.PowersOfTwo(FilterSramKb, 8, 2048, "filter scratchpad size in kB (double-buffered)"),
            OrdinalParameter.PowersOfTwo(OfmapSramKb, 8, 2048, "ofmap scratchpad size in kB (double-buffered)"),
        };
        if (withBandwidth)
            parameters.Add(OrdinalParameter.PowersOfTwo(DramBandwidth, 1, 128, "DRAM interface bandwidth in words/cycle"));
        return new ParameterSpace(parameters);
    }
}
