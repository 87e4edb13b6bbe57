using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Config;
using ArchGym.Proxies.Environment;
using ArchGym.Proxies.Files;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// <c>env.proxy:</c> in an experiment: loads the model files once per run (every worker shares them)
/// and wraps each made environment in a <see cref="ProxyEnvironment"/>. Mistakes name the file and field.
/// Model paths are relative to the current folder, like every path in an experiment file.
/// </summary>
public static class ProxySetup
{
    public static ProxySet? Load(EnvironmentRegistry registry, ExperimentConfig config, IReadOnlyDictionary<string, string> options)
    {
        if (config.Environment.Proxy is not { Count: > 0 } paths) return null;
        var files = new List<ProxyModelFile>();
        foreach (var path in paths)
        {
            try
            {
                files.Add(ProxyModelFile.Load(path));
            }
            catch (FormatException e)
            {
                throw new UserInputException($"{config.SourceFile}: env.proxy: {e.Message}", e);
            }
        }

        using var real = RunSetup.MakeEnvironment(registry, config, options);
        try
        {
            return new ProxySet(files, real.Name, real.ActionSpace, real.Metrics);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"{config.SourceFile}: env.proxy: {e.Message}", e);
        }
    }

    public static IEnvironment Wrap(IEnvironment real, ProxySet proxies, ExperimentConfig config)
    {
        var trust = config.Environment.ProxyTrust is { } t ? new TrustSettings(t.MaxRelativeStd, t.RetrainEvery) : null;
        try
        {
            return new ProxyEnvironment(real, proxies, trust);
        }
        catch (ArgumentException e)
        {
            real.Dispose();
            throw new UserInputException($"{config.SourceFile}: env.proxy: {e.Message}", e);
        }
    }
}
