using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ArchGym.Experiments.Config;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// Stable names for the runs of a sweep: <c>INDEX-HASH</c>, the run's position in the sweep
/// (zero-padded, so folders sort in sweep order) and the first 8 hex digits of the SHA-256 of its
/// canonical settings (environment, options, reward, targets, agent, every hyperparameter, budget,
/// batch, seed; not the output folder). A resumed sweep finds a run's folder by this id; a changed
/// setting changes the id, so a stale folder is never mistaken for the run.
/// </summary>
public static class RunIdentity
{
    public static string Id(int index, ExperimentConfig run) =>
        $"{index.ToString("D5", CultureInfo.InvariantCulture)}-{Hash(Canonical(run))}";

    /// <summary>The index in a run id (the digits before the dash), or null when the name is not a run id.</summary>
    public static int? IndexOf(string id)
    {
        var dash = id.IndexOf('-');
        return dash > 0 && int.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    /// <summary>Everything that decides an environment instance's numbers: id, options, reward, targets.</summary>
    public static string EnvironmentKey(EnvironmentSection env)
    {
        var b = new StringBuilder();
        b.Append("env=").Append(env.Id).Append('\n');
        foreach (var (k, v) in env.Options.OrderBy(p => p.Key, StringComparer.Ordinal)) b.Append("option.").Append(k).Append('=').Append(v).Append('\n');
        b.Append("reward=").Append(env.Reward ?? "").Append('\n');
        foreach (var (k, v) in env.Targets.OrderBy(p => p.Key, StringComparer.Ordinal))
            b.Append("target.").Append(k).Append('=').Append(v.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        // Proxies change every number, so they are part of the identity (only when given: other keys stay as they were).
        foreach (var model in env.Proxy ?? []) b.Append("proxy=").Append(model).Append('\n');
        if (env.ProxyTrust is { } t) b.Append(CultureInfo.InvariantCulture, $"proxy_trust={t.MaxRelativeStd:R},{t.RetrainEvery}\n");
        return b.ToString();
    }

    public static string Canonical(ExperimentConfig run)
    {
        var b = new StringBuilder(EnvironmentKey(run.Environment));
        b.Append("agent=").Append(run.Agent.Name).Append('\n');
        foreach (var (k, v) in run.Agent.HyperParameters.OrderBy(p => p.Key, StringComparer.Ordinal)) b.Append("hp.").Append(k).Append('=').Append(v).Append('\n');
        b.Append(CultureInfo.InvariantCulture, $"budget={run.Budget}\nbatch={run.BatchSize}\nseed={run.Seed}\n");
        return b.ToString();
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
}
