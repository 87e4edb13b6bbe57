using System.Globalization;
using ArchGym.Environments.Core;
using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Config;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// Checks a sweep against the registries and expands it into runs, before any run starts. Cheap
/// checks come first (environment ids, agent names, hyperparameter names and values, each error
/// naming file, line, field and what is allowed); then one probe environment per environment and
/// workload checks the options and resolves the default targets once, so the runs are built with
/// explicit targets and never re-simulate a baseline.
/// </summary>
public static class SweepPlanner
{
    public const string WorkloadOption = "workload";
    private const int MaxRuns = 10_000_000;

    public static SweepPlan Plan(SweepConfig sweep, DefaultRegistries registries)
    {
        var file = sweep.SourceFile;
        var settings = CheckNames(sweep, registries);
        var perEnvironment = (double)Math.Max(1, sweep.Workloads.Count) * settings.Sum(s => s.Count) * sweep.Budgets.Count * sweep.Seeds.Count;
        if (perEnvironment * sweep.Environments.Count > MaxRuns)
            throw new UserInputException($"{file}: the sweep has {perEnvironment * sweep.Environments.Count:G3} runs; allowed: at most {MaxRuns}");

        var probes = SweepProbes.Make(sweep, registries);
        foreach (var probe in probes)
        {
            for (var a = 0; a < sweep.Agents.Count; a++) probe.CheckAgent(registries, sweep.Agents[a], settings[a][0]);
        }

        var output = Path.GetFullPath(sweep.OutputDirectory);
        var runs = new List<SweepRun>();
        foreach (var probe in probes)
        {
            for (var a = 0; a < sweep.Agents.Count; a++)
            {
                foreach (var setting in settings[a])
                {
                    foreach (var budget in sweep.Budgets)
                    {
                        foreach (var seed in sweep.Seeds)
                            runs.Add(MakeRun(sweep, output, runs.Count, probe, new AgentSection(sweep.Agents[a].Name, setting), budget, seed));
                    }
                }
            }
        }

        var hyperParameterNames = settings.SelectMany(s => s[0].Keys).Distinct().ToArray();
        var metricNames = probes.SelectMany(p => p.Metrics.Select(m => m.Name)).Distinct().ToArray();
        return new SweepPlan(sweep, output, runs, hyperParameterNames, metricNames);
    }

    /// <summary>The cheap checks (environment ids, workload option, agent names, hyperparameters), without making any environment; the settings of each agent.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>>[] CheckNames(SweepConfig sweep, DefaultRegistries registries)
    {
        for (var i = 0; i < sweep.Environments.Count; i++) CheckEnvironment(sweep, registries, i);
        return sweep.Agents.Select(a => Settings(sweep, registries, a)).ToArray();
    }

    private static SweepRun MakeRun(SweepConfig sweep, string output, int index, SweepProbe probe, AgentSection agent, int budget, int seed)
    {
        var config = new ExperimentConfig("", probe.Section, agent, budget, sweep.BatchSize, 1, seed, "", sweep.SourceFile);
        var id = RunIdentity.Id(index, config);
        config = config with { Name = $"{sweep.Name}/{id}", OutputDirectory = Path.Combine(output, SweepPlan.RunsFolder, id) };
        var cacheKey = sweep.ShareEvaluations
            ? RunIdentity.EnvironmentKey(probe.Section) + string.Create(CultureInfo.InvariantCulture, $"seed={seed}\n")
            : null;
        return new SweepRun(index, id, config, probe.Name, probe.Workload, cacheKey);
    }

    private static void CheckEnvironment(SweepConfig sweep, DefaultRegistries registries, int i)
    {
        var (env, line, field) = sweep.Environments[i];
        if (!registries.Environments.Contains(env.Id))
        {
            var ids = string.Join(", ", registries.Environments.List().Select(s => s.Id));
            throw new UserInputException($"{sweep.SourceFile}:{line}: {field}.id: unknown environment '{env.Id}'; allowed: {ids}");
        }

        var options = registries.Environments.Get(env.Id).Options;
        if (sweep.Workloads.Count > 0 && !options.Any(o => o.Name == WorkloadOption))
        {
            throw new UserInputException($"{sweep.SourceFile}:{sweep.Workloads[0].Line}: workloads: {env.Id} has no '{WorkloadOption}' option; " +
                $"set its options instead (allowed: {string.Join(", ", options.Select(o => o.Name))})");
        }

        if (sweep.Workloads.Count > 0 && env.Options.ContainsKey(WorkloadOption))
            throw new UserInputException($"{sweep.SourceFile}:{line}: {field}.options.{WorkloadOption}: give workloads either here or in workloads:, not both");
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Settings(SweepConfig sweep, DefaultRegistries registries, SweepAgent agent)
    {
        var field = agent.Field;
        if (!registries.Agents.Contains(agent.Name))
        {
            var names = string.Join(", ", registries.Agents.List().Select(s => s.Name));
            throw new UserInputException($"{sweep.SourceFile}:{agent.Line}: {field}.name: unknown agent '{agent.Name}'; allowed: {names}");
        }

        return HyperParameterSettings.Expand(agent, registries.Agents.Get(agent.Name), sweep.SourceFile, field);
    }
}
