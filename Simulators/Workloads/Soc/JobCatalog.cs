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

    /// <summary>The parsed job; throws <see cref="InvalidConfigException"/> for an unknown name.</summary>
    public static JobGraph Get(string name)
    {
        var key = Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidConfigException("job", name, string.Join(", ", Names));
        var text = Files.GetString("Jobs." + key.Replace('/', '.') + ".txt")
            ?? throw new InvalidOperationException($"embedded job file {key} is missing");
        return JobFileReader.Parse(text, key + ".txt");
    }
}
