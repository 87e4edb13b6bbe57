using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Config;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// One probe environment per environment × workload of a sweep, made once (in parallel) to check
/// the options and to resolve the default targets, so every run gets them explicitly.
/// </summary>
public static class SweepProbes
{
    public static IReadOnlyList<SweepProbe> Make(SweepConfig sweep, DefaultRegistries registries)
    {
        var jobs = new List<(SweepEnvironment Env, Located<string>? Workload, string Field)>();
        foreach (var env in sweep.Environments)
        {
            if (sweep.Workloads.Count == 0) jobs.Add((env, null, env.Field));
            for (var w = 0; w < sweep.Workloads.Count; w++) jobs.Add((env, sweep.Workloads[w], $"workloads[{w}] ({sweep.Workloads[w].Value}) of {env.Field}"));
        }

        var probes = new SweepProbe?[jobs.Count];
        var errors = new Exception?[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = sweep.ParallelRuns }, i =>
        {
            try
            {
                probes[i] = Probe(sweep, registries, jobs[i].Env, jobs[i].Workload, jobs[i].Field);
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } first) throw first;
        return probes.Select(p => p!).ToArray();
    }

    private static SweepProbe Probe(SweepConfig sweep, DefaultRegistries registries, SweepEnvironment env, Located<string>? workload, string field)
    {
        var section = env.Section;
        if (workload is not null)
            section = section with { Options = new Dictionary<string, string>(section.Options) { [SweepPlanner.WorkloadOption] = workload.Value } };
        var config = new ExperimentConfig("probe", section, new AgentSection("", new Dictionary<string, string>()), 1, 1, 1, 0, "", sweep.SourceFile);
        IEnvironment probe;
        try
        {
            probe = RunSetup.MakeEnvironment(registries.Environments, config, RunSetup.EnvironmentOptions(section));
        }
        catch (UserInputException e)
        {
            var prefix = sweep.SourceFile + ": ";
            var problem = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
            throw new UserInputException($"{sweep.SourceFile}:{workload?.Line ?? env.Line}: {field}: {problem}", e);
        }

        using (probe)
        {
            if (section.Targets.Count == 0) section = section with { Targets = TargetTracker.TargetsOf(probe).ToDictionary() };
            return new SweepProbe(section, probe.Name, probe.Workload, probe.ActionSpace, probe.Metrics, sweep.SourceFile);
        }
    }
}

/// <summary>What a probe learned: the environment section runs are made from (workload set, targets resolved), names, space and metrics.</summary>
public sealed record SweepProbe(EnvironmentSection Section, string Name, string Workload, ParameterSpace Space, IReadOnlyList<Metric> Metrics, string SourceFile)
{
    /// <summary>Makes the agent once on this environment's space with its first setting, so an agent that cannot search this space fails before any run.</summary>
    public void CheckAgent(DefaultRegistries registries, SweepAgent agent, IReadOnlyDictionary<string, string> setting)
    {
        try
        {
            registries.Agents.Create(agent.Name, Space, Metrics, setting, 0);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or FormatException or NotSupportedException)
        {
            throw new UserInputException($"{SourceFile}:{agent.Line}: {agent.Field} ({agent.Name}) on {Name} ({Workload}): {e.Message}", e);
        }
    }
}
