using System.Globalization;
using ArchGym.Agents.Bayesian;
using ArchGym.Proxies.Models;

namespace ArchGym.Proxies.GaussianProcess;

/// <summary>
/// GP-proxy hyperparameters: the kernel, ARD length scales, how many rows the exact GP keeps
/// (<see cref="MaxPoints"/>, a seeded random subset beyond it: O(n³) to build, O(n·d) per mean),
/// how many the likelihood fit uses, and its random restarts.
/// </summary>
public sealed record GaussianProcessSettings(string KernelName, bool Ard, int MaxPoints, int FitPoints, int Restarts)
{
    public static IReadOnlyList<string> Kernels { get; } = ["matern52", "rbf"];

    public static GaussianProcessSettings Default { get; } = From(null);

    public IKernel Kernel => KernelName == "rbf" ? new RbfKernel() : new Matern52Kernel();

    public static GaussianProcessSettings From(IReadOnlyDictionary<string, string>? hp)
    {
        var r = new HyperReader("gp", hp);
        var settings = new GaussianProcessSettings(
            r.Choice("kernel", "matern52", Kernels),
            r.Bool("ard", true),
            r.Int("max_points", 3000, 2, 20_000),
            r.Int("fit_points", 300, 2, 2000),
            r.Int("restarts", 2, 0, 50));
        r.RejectUnknown();
        return settings;
    }

    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
    {
        ["kernel"] = KernelName,
        ["ard"] = Ard ? "true" : "false",
        ["max_points"] = MaxPoints.ToString(CultureInfo.InvariantCulture),
        ["fit_points"] = FitPoints.ToString(CultureInfo.InvariantCulture),
        ["restarts"] = Restarts.ToString(CultureInfo.InvariantCulture),
    };
}
