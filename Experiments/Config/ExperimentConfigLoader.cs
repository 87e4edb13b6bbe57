using ArchGym.Experiments.Cli;
using YamlDotNet.RepresentationModel;

namespace ArchGym.Experiments.Config;

/// <summary>
/// Reads an experiment YAML file. Every mistake (syntax, unknown key, missing field, value out of
/// range) becomes a <see cref="UserInputException"/> naming the file, line and field.
/// </summary>
public static class ExperimentConfigLoader
{
    private static readonly string[] TopKeys = ["name", "env", "agent", "budget", "batch", "parallelism", "seed", "output"];
    private static readonly string[] EnvKeys = ["id", "options", "reward", "targets", "proxy", "proxy_trust"];
    private static readonly string[] TrustKeys = ["max_relative_std", "retrain_every"];
    private static readonly string[] AgentKeys = ["name", "hyperparameters"];

    public static ExperimentConfig Load(string path)
    {
        if (!File.Exists(path)) throw new UserInputException($"{path}: file not found");
        return Parse(File.ReadAllText(path), path);
    }

    public static ExperimentConfig Parse(string yaml, string file)
    {
        var document = YamlNodes.LoadDocument(yaml, file) ?? throw new UserInputException($"{file}: the file is empty; expected env:, agent: and budget:");
        var y = new YamlNodes(file);
        var root = y.Mapping(document, "(top level)");
        y.RejectUnknownKeys(root, "", TopKeys);

        var name = YamlNodes.Child(root, "name") is { } n ? y.Scalar(n, "name") : Path.GetFileNameWithoutExtension(file);
        var env = ReadEnvironment(y, Required(y, root, "env"), "env");
        var agent = ReadAgent(y, Required(y, root, "agent"));
        var budget = y.Int(Required(y, root, "budget"), "budget", 1, 100_000_000);
        var batch = YamlNodes.Child(root, "batch") is { } b ? y.Int(b, "batch", 1, 1_000_000) : 1;
        var parallelism = ReadParallelism(y, YamlNodes.Child(root, "parallelism"));
        var seed = YamlNodes.Child(root, "seed") is { } s ? y.Int(s, "seed", 0, int.MaxValue) : 0;
        var output = YamlNodes.Child(root, "output") is { } o ? y.Scalar(o, "output") : Path.Combine("runs", name);
        return new ExperimentConfig(name, env, agent, budget, batch, parallelism, seed, output, file);
    }

    private static YamlNode Required(YamlNodes y, YamlMappingNode map, string key) => y.Required(map, key, key);

    /// <summary>An <c>env:</c> section (also each entry of a sweep's <c>environments:</c>), with <paramref name="field"/> naming it in errors.</summary>
    internal static EnvironmentSection ReadEnvironment(YamlNodes y, YamlNode node, string field)
    {
        var map = y.Mapping(node, field);
        y.RejectUnknownKeys(map, field, EnvKeys);
        var id = y.Scalar(y.Required(map, "id", $"{field}.id"), $"{field}.id");
        var options = YamlNodes.Child(map, "options") is { } o ? y.ScalarMap(o, $"{field}.options") : new Dictionary<string, string>();
        var reward = YamlNodes.Child(map, "reward") is { } r ? y.Scalar(r, $"{field}.reward") : null;
        var targets = new Dictionary<string, double>(StringComparer.Ordinal);
        if (YamlNodes.Child(map, "targets") is { } t)
        {
            foreach (var (k, v) in y.Mapping(t, $"{field}.targets").Children)
            {
                var metric = y.Scalar(k, $"{field}.targets");
                targets[metric] = y.Double(v, $"{field}.targets.{metric}");
            }
        }

        var proxy = YamlNodes.Child(map, "proxy") is { } p ? y.ScalarList(p, $"{field}.proxy").Select(v => v.Value).ToArray() : null;
        ProxyTrustSection? trust = null;
        if (YamlNodes.Child(map, "proxy_trust") is { } t2)
        {
            var trustMap = y.Mapping(t2, $"{field}.proxy_trust");
            y.RejectUnknownKeys(trustMap, $"{field}.proxy_trust", TrustKeys);
            var std = y.Double(y.Required(trustMap, "max_relative_std", $"{field}.proxy_trust.max_relative_std"), $"{field}.proxy_trust.max_relative_std");
            if (!(std > 0)) throw y.Error(trustMap, $"{field}.proxy_trust.max_relative_std", $"{std} is not allowed; expected a positive number");
            var every = YamlNodes.Child(trustMap, "retrain_every") is { } k ? y.Int(k, $"{field}.proxy_trust.retrain_every", 1, 1_000_000) : 10;
            if (proxy is null) throw y.Error(t2, $"{field}.proxy_trust", "needs proxy: model files to trust");
            trust = new ProxyTrustSection(std, every);
        }

        return new EnvironmentSection(id, options, reward, targets, proxy, trust);
    }

    private static AgentSection ReadAgent(YamlNodes y, YamlNode node)
    {
        var map = y.Mapping(node, "agent");
        y.RejectUnknownKeys(map, "agent", AgentKeys);
        var name = y.Scalar(y.Required(map, "name", "agent.name"), "agent.name");
        var hp = YamlNodes.Child(map, "hyperparameters") is { } h ? y.ScalarMap(h, "agent.hyperparameters") : new Dictionary<string, string>();
        return new AgentSection(name, hp);
    }

    /// <summary>A whole number of workers, or <c>auto</c> for one per core.</summary>
    private static int ReadParallelism(YamlNodes y, YamlNode? node)
    {
        if (node is null) return 1;
        return y.Scalar(node, "parallelism") == "auto" ? Environment.ProcessorCount : y.Int(node, "parallelism", 1, 1024);
    }
}
