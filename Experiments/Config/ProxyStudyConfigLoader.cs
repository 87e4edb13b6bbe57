using ArchGym.Experiments.Cli;
using ArchGym.Proxies.Models;
using YamlDotNet.RepresentationModel;

namespace ArchGym.Experiments.Config;

/// <summary>Reads a proxy study YAML file; every mistake names the file, line and field.</summary>
public static class ProxyStudyConfigLoader
{
    private static readonly string[] TopKeys =
        ["name", "env", "collect", "targets", "models", "log_target", "test_fraction", "seed", "timing_points", "min_speedup", "parallelism", "search", "output"];
    private static readonly string[] CollectKeys = ["agent", "hyperparameters", "budget", "seeds", "batch"];
    private static readonly string[] SearchKeys = ["agent", "budget", "batch"];
    private static readonly string[] AgentKeys = ["name", "hyperparameters"];

    public static ProxyStudyConfig Load(string path)
    {
        if (!File.Exists(path)) throw new UserInputException($"{path}: file not found");
        var file = path;
        var document = YamlNodes.LoadDocument(File.ReadAllText(path), file) ?? throw new UserInputException($"{file}: the file is empty; expected env:, collect:, targets:");
        var y = new YamlNodes(file);
        var root = y.Mapping(document, "(top level)");
        y.RejectUnknownKeys(root, "", TopKeys);
        var name = YamlNodes.Child(root, "name") is { } n ? y.Scalar(n, "name") : Path.GetFileNameWithoutExtension(file);
        var env = ExperimentConfigLoader.ReadEnvironment(y, y.Required(root, "env", "env"), "env");
        if (env.Proxy is not null) throw new UserInputException($"{file}: env.proxy: not allowed in a study (the study trains the proxies)");

        var collectNode = y.Required(root, "collect", "collect") as YamlSequenceNode ?? throw y.Error(root, "collect", "expected a list of {agent, budget, seeds}");
        var collect = collectNode.Children.Select((c, i) => ReadCollect(y, c, $"collect[{i}]")).ToArray();
        if (collect.Length == 0) throw y.Error(collectNode, "collect", "the list is empty; give at least one agent");
        var targets = y.ScalarList(y.Required(root, "targets", "targets"), "targets").Select(t => t.Value).ToArray();
        var models = YamlNodes.Child(root, "models") is { } m ? ReadModels(y, m) : ProxyLearners.Kinds.Select(k => new StudyModel(k, new Dictionary<string, string>())).ToArray();
        var logTarget = YamlNodes.Child(root, "log_target") is { } lt && y.Bool(lt, "log_target");
        var testFraction = YamlNodes.Child(root, "test_fraction") is { } tf ? y.Double(tf, "test_fraction") : 0.2;
        if (testFraction is <= 0 or >= 1) throw y.Error(root, "test_fraction", $"{testFraction} is not allowed; expected a number in (0, 1)");
        var seed = YamlNodes.Child(root, "seed") is { } s ? y.Int(s, "seed", 0, int.MaxValue) : 1;
        var timing = YamlNodes.Child(root, "timing_points") is { } tp ? y.Int(tp, "timing_points", 1, 1_000_000) : 200;
        var minSpeedup = YamlNodes.Child(root, "min_speedup") is { } ms ? y.Double(ms, "min_speedup") : 0;
        if (minSpeedup < 0) throw y.Error(root, "min_speedup", $"{minSpeedup} is not allowed; expected a number >= 0");
        var parallelism = YamlNodes.Child(root, "parallelism") is { } pn
            ? y.Scalar(pn, "parallelism") == "auto" ? Environment.ProcessorCount : y.Int(pn, "parallelism", 1, 1024)
            : 1;
        var search = YamlNodes.Child(root, "search") is { } sn ? ReadSearch(y, sn) : null;
        var output = YamlNodes.Child(root, "output") is { } o ? y.Scalar(o, "output") : Path.Combine("runs", name);
        return new ProxyStudyConfig(name, env, collect, targets, models, logTarget, testFraction, seed, timing, minSpeedup, parallelism, search, output, file);
    }

    private static CollectionRun ReadCollect(YamlNodes y, YamlNode node, string field)
    {
        var map = y.Mapping(node, field);
        y.RejectUnknownKeys(map, field, CollectKeys);
        var agent = y.Scalar(y.Required(map, "agent", $"{field}.agent"), $"{field}.agent");
        var hp = YamlNodes.Child(map, "hyperparameters") is { } h ? y.ScalarMap(h, $"{field}.hyperparameters") : new Dictionary<string, string>();
        var budget = y.Int(y.Required(map, "budget", $"{field}.budget"), $"{field}.budget", 1, 10_000_000);
        var seeds = YamlNodes.Child(map, "seeds") is { } s ? y.ScalarList(s, $"{field}.seeds").Select(v => y.Int(v, $"{field}.seeds", 0, int.MaxValue)).ToArray() : [1];
        var batch = YamlNodes.Child(map, "batch") is { } b ? y.Int(b, $"{field}.batch", 1, 1_000_000) : 1;
        return new CollectionRun(agent, hp, budget, seeds, batch);
    }

    private static StudyModel[] ReadModels(YamlNodes y, YamlNode node)
    {
        if (node is YamlSequenceNode)
            return y.ScalarList(node, "models").Select(v => new StudyModel(Kind(y, v), new Dictionary<string, string>())).ToArray();
        return y.Mapping(node, "models").Children.Select(c =>
        {
            var kind = Kind(y, new Located<string>(y.Scalar(c.Key, "models"), c.Key.Start.Line));
            var hp = c.Value is YamlMappingNode ? y.ScalarMap(c.Value, $"models.{kind}") : new Dictionary<string, string>();
            return new StudyModel(kind, hp);
        }).ToArray();
    }

    private static string Kind(YamlNodes y, Located<string> v) =>
        ProxyLearners.Kinds.Contains(v.Value) ? v.Value : throw new UserInputException($"{y.File}:{v.Line}: models: unknown model '{v.Value}'; allowed: {string.Join(", ", ProxyLearners.Kinds)}");

    private static StudySearch ReadSearch(YamlNodes y, YamlNode node)
    {
        var map = y.Mapping(node, "search");
        y.RejectUnknownKeys(map, "search", SearchKeys);
        var agentMap = y.Mapping(y.Required(map, "agent", "search.agent"), "search.agent");
        y.RejectUnknownKeys(agentMap, "search.agent", AgentKeys);
        var agent = new AgentSection(y.Scalar(y.Required(agentMap, "name", "search.agent.name"), "search.agent.name"),
            YamlNodes.Child(agentMap, "hyperparameters") is { } h ? y.ScalarMap(h, "search.agent.hyperparameters") : new Dictionary<string, string>());
        var budget = y.Int(y.Required(map, "budget", "search.budget"), "search.budget", 1, 100_000_000);
        var batch = YamlNodes.Child(map, "batch") is { } b ? y.Int(b, "search.batch", 1, 1_000_000) : 1;
        return new StudySearch(agent, budget, batch);
    }
}
