using System.Resources;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Workloads.Soc;

/// <summary>
/// DS3's application files shipped with the simulator (embedded via JobFiles.resx): WiFi TX/RX, range detection,
/// single-carrier TX/RX, temporal mitigation, the Topcuoglu HEFT example, and DS3Gym's ten random 10-task DAGs.
/// </summary>
public static class JobCatalog
{
    private static readonly ResourceManager Files =
        new("ArchGym.Simulators.Workloads.Soc.JobFiles", typeof(JobCatalog).Assembly);

    public const string WifiTransmitter = "job_WIFI_5TXM";
    public const string WifiReceiver = "job_WIFI_5RXM";
    public const string RangeDetection = "job_LAG";
    public const string SingleCarrierTransmitter = "job_SCT";
    public const string SingleCarrierReceiver = "job_SCR";
    public const string TemporalMitigation = "job_TEMP_MIT";
    public const string TopcuogluExample = "job_Top";

    /// <summary>Catalog names: DS3 files by their file stem, DS3Gym's as "DS3Gym/job_TopN".</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        WifiTransmitter, WifiReceiver, RangeDetection, SingleCarrierTransmitter, SingleCarrierReceiver, TemporalMitigation,
        TopcuogluExample, .. Enumerable.Range(1, 10).Select(i => i == 1 ? "DS3Gym/job_Top" : $"DS3Gym/job_Top{i}"),
    ];

    /// <summary>Other spellings: DS3's job_name inside each file and the short names DS3's papers and configs use.</summary>
    private static readonly IReadOnlyList<(string Alias, string Name)> Aliases =
    [
        ("WiFi_Transmitter", WifiTransmitter), ("WiFi_TX", WifiTransmitter), ("WIFI_5TXM", WifiTransmitter),
        ("WiFi_Receiver", WifiReceiver), ("WiFi_RX", WifiReceiver), ("WIFI_5RXM", WifiReceiver),
        ("lag_detection", RangeDetection), ("range_detection", RangeDetection), ("Range", RangeDetection), ("LAG", RangeDetection),
        ("SC-T", SingleCarrierTransmitter), ("SCT", SingleCarrierTransmitter),
        ("SC-R", SingleCarrierReceiver), ("SCR", SingleCarrierReceiver),
        ("Temporal_Mitigation", TemporalMitigation), ("TEMP_MIT", TemporalMitigation),
        ("Top", TopcuogluExample),
    ];

    /// <summary>
    /// The parsed job by catalog name, file name (job_X.txt) or DS3 job name / short alias (WiFi_TX, WiFi_Receiver, SCT,
    /// Range, TEMP_MIT ...), case-insensitive; throws <see cref="InvalidConfigException"/> for an unknown name.
    /// </summary>
    public static JobGraph Get(string name)
    {
        var stem = name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        var key = Names.FirstOrDefault(n => string.Equals(n, stem, StringComparison.OrdinalIgnoreCase))
            ?? Aliases.FirstOrDefault(a => string.Equals(a.Alias, stem, StringComparison.OrdinalIgnoreCase)).Name
            ?? throw new InvalidConfigException("job", name, string.Join(", ", Names) + " (or a DS3 job name such as WiFi_TX)");
        var text = Files.GetString("Jobs." + key.Replace('/', '.') + ".txt")
            ?? throw new InvalidOperationException($"embedded job file {key} is missing");
        return JobFileReader.Parse(text, key + ".txt");
    }
}
