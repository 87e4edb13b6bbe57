using System.Resources;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Soc.Platform;

/// <summary>
/// DS3 resource databases shipped with the simulator (embedded via SocFiles.resx). <see cref="DashStandard"/> is the
/// 16-PE DASH SoC (4 A7, 4 A15, 2 MM, 4 FFT, 2 Viterbi + MEMORY).
/// </summary>
public static class SocCatalog
{
    private static readonly ResourceManager Files =
        new("ArchGym.Simulators.Soc.Platform.SocFiles", typeof(SocCatalog).Assembly);

    public const string DashStandard = "SoC.MULTIPLE_BAL";
    public const string BalancedOnly = "SoC.BAL_only";
    public const string DashNoC = "SoC.MULTIPLE_BAL_NoC";
    public const string TopcuogluExample = "SoC.Top";
    public const string Ds3GymTop = "DASH.SoC.Top";

    public static IReadOnlyList<string> Names { get; } = [DashStandard, BalancedOnly, DashNoC, TopcuogluExample, Ds3GymTop];

    /// <summary>A built-in SoC by name, with or without ".txt" (e.g. "SoC.MULTIPLE_BAL" or "SoC.MULTIPLE_BAL.txt").</summary>
    public static SocPlatform Get(string name)
    {
        var stem = name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        var key = Names.FirstOrDefault(n => string.Equals(n, stem, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidConfigException("soc", name, string.Join(", ", Names));
        var text = Files.GetString("Socs." + key + ".txt") ?? throw new InvalidOperationException($"embedded SoC file {key} is missing");
        return SocResourceReader.Parse(text, key + ".txt");
    }
}
