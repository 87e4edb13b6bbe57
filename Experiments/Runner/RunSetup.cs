using System.Globalization;
using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Config;
using ArchGym.Proxies.Environment;
using ArchGym.Simulators.Common;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// Turns an experiment config into a ready environment factory and agent, converting every
/// rejection from a registry, space or simulator into a <see cref="UserInputException"/> that names
/// the experiment file and the section at fault.
/// </summary>
public static class RunSetup
{
    /// <summary>The environment options as the registry sees them: <c>options</c> plus <c>reward</c> and <c>targets</c>.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentOptions(EnvironmentSection env)
    {
        var options = new Dictionary<string, string>(env.Options, StringComparer.OrdinalIgnoreCase);
        if (env.Reward is not null) options[TaskSettings.RewardOption] = env.Reward;
        if (env.Targets.Count > 0)
        {
            options[TaskSettings.TargetOption] = string.Join(",",
                env.Targets.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key}={t.Value:R}")));
        }

        return options;
    }

    /// <summary>
    /// Makes one environment, failing on unknown ids, bad options and options the environment does not read;
    /// with <paramref name="proxies"/> (see <see cref="ProxySetup.Load"/>) it is the proxy standing in for it.
    /// </summary>
    public static IEnvironment MakeEnvironment(EnvironmentRegistry registry, ExperimentConfig config, IReadOnlyDictionary<string, string> options,
        ProxySet? proxies = null)
    {
        var real = MakeRealEnvironment(registry, config, options);
        return proxies is null ? real : ProxySetup.Wrap(real, proxies, config);
    }

    private static IEnvironment MakeRealEnvironment(EnvironmentRegistry registry, ExperimentConfig config, IReadOnlyDictionary<string, string> options)
    {
        var file = config.SourceFile;
        if (!registry.Contains(config.Environment.Id))
        {
            var ids = string.Join(", ", registry.List().Select(s => s.Id));
            throw new UserInputException($"{file}: env.id: unknown environment '{config.Environment.Id}'; allowed: {ids}");
        }

        var tracked = new EnvironmentOptions(options);
        IEnvironment env;
        try
        {
            env = registry.Make(config.Environment.Id, tracked);
        }
        catch (Exception e) when (e is ArgumentException or InvalidConfigException or KeyNotFoundException or FormatException)
        {
            throw new UserInputException($"{file}: env ({config.Environment.Id}): {e.Message}", e);
        }

        var unused = tracked.Unused();
        if (unused.Count > 0)
        {
            env.Dispose();
            var allowed = string.Join(", ", registry.Get(config.Environment.Id).Options.Select(o => o.Name));
            throw new UserInputException($"{file}: env.options.{unused[0]}: unknown option for {config.Environment.Id}; allowed: {allowed}");
        }

        return env;
    }

    public static IAgent MakeAgent(AgentRegistry registry, ExperimentConfig config, IEnvironment env)
    {
        try
        {
            return registry.Create(config.Agent.Name, env.ActionSpace, env.Metrics, config.Agent.HyperParameters, config.Seed);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or FormatException)
        {
            throw new UserInputException($"{config.SourceFile}: agent ({config.Agent.Name}): {e.Message}", e);
        }
    }
}
