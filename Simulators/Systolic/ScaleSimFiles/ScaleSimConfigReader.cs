using System.Globalization;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Systolic.ScaleSimFiles;

/// <summary>
/// Reads a SCALE-Sim v2 .cfg (scale_config.read_conf_file): [general] run_name,
/// [architecture_presets] ArrayHeight, ArrayWidth, IfmapSramSzkB, FilterSramSzkB, OfmapSramSzkB,
/// Dataflow, Bandwidth (USER only; a comma list uses its first value), optional offsets and
/// MemoryBanks (they do not change any reported number), [run_presets] InterfaceBandwidth = CALC | USER.
/// Bad input throws <see cref="InvalidConfigException"/> naming "file:line", the field, the value and what is allowed.
/// </summary>
public static class ScaleSimConfigReader
{
    private const string Arch = "architecture_presets";

    public static SystolicConfig Read(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static SystolicConfig Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var doc = IniDocument.Parse(text, sourceName);
        doc.TryGet("general", "run_name", out var runName, out _);

        int rows = Int(doc, "ArrayHeight", 1, SystolicConfig.MaxArrayEdge);
        int cols = Int(doc, "ArrayWidth", 1, SystolicConfig.MaxArrayEdge);
        int ifmapKb = Int(doc, "IfmapSramSzkB", 1, SystolicConfig.MaxSramKb);
        int filterKb = Int(doc, "FilterSramSzkB", 1, SystolicConfig.MaxSramKb);
        int ofmapKb = Int(doc, "OfmapSramSzkB", 1, SystolicConfig.MaxSramKb);
        foreach (var offset in new[] { "IfmapOffset", "FilterOffset", "OfmapOffset" })
            if (doc.TryGet(Arch, offset, out _, out _)) Int(doc, offset, 0, int.MaxValue);

        var (dataflowText, dataflowLine) = doc.Require(Arch, "Dataflow", DataflowNames.Allowed);
        var dataflow = DataflowNames.Parse(dataflowText, doc.Where(dataflowLine));

        // The mode is read after the architecture so a malformed value there is reported first, in file order.
        var (modeText, modeLine) = doc.Require("run_presets", "InterfaceBandwidth", "CALC | USER");
        var mode = modeText.Trim().ToUpperInvariant() switch
        {
            "CALC" => BandwidthMode.Calc,
            "USER" => BandwidthMode.User,
            _ => throw new InvalidConfigException("InterfaceBandwidth", modeText, "CALC | USER", doc.Where(modeLine)),
        };

        int bandwidth = 10;
        if (mode == BandwidthMode.User)
        {
            var (bwText, bwLine) = doc.Require(Arch, "Bandwidth", "words/cycle, a whole number >= 1 (or a comma list; the first is used)");
            string first = bwText.Split(',')[0].Trim();
            if (!int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out bandwidth) || bandwidth < 1)
                throw new InvalidConfigException("Bandwidth", bwText, "words/cycle, a whole number >= 1 (or a comma list; the first is used)", doc.Where(bwLine));
        }

        return new SystolicConfig(rows, cols, dataflow, ifmapKb, filterKb, ofmapKb, mode, bandwidth, 1, runName);
    }

    private static int Int(IniDocument doc, string key, int min, int max)
    {
        string allowed = $"a whole number in [{min}, {max}]";
        var (text, line) = doc.Require(Arch, key, allowed);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            throw new InvalidConfigException(key, text, allowed, doc.Where(line));
        return value;
    }
}
