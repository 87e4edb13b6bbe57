using ArchGym.Experiments.Cli;
using YamlDotNet.RepresentationModel;

namespace ArchGym.Experiments.Config;

/// <summary>
/// Reads a sweep YAML file (schema in README.md, "Sweeps"). Structure only: every mistake of form
/// (syntax, unknown key, missing field, value of the wrong kind) becomes a <see cref="UserInputException"/>
/// naming file, line and field; names and values are checked against the registries by <c>SweepPlanner</c>.
/// </summary>
public static class SweepConfigLoader
{
    /// <summary>Where a sweep folder keeps the copy of its sweep file that <c>--resume</c> reads.</summary>
    public const string SnapshotFile = "sweep.yaml";

    private const int MaxSeeds = 1_000_000;

    private static readonly string[] TopKeys =
        ["name", "env", "environments", "workloads", "agent", "agents", "seeds", "budget", "batch", "parallel_runs", "share_evaluations", "output"];

    private static readonly string[] AgentKeys = ["name", "hyperparameters", "grid", "sample"];
    private static readonly string[] SampleKeys = ["count", "seed", "hyperparameters"];

    public static SweepConfig Load(string path)
    {
        if (Directory.Exists(path)) path = Path.Combine(path, SnapshotFile);
        if (!File.Exists(path)) throw new UserInputException($"{path}: file not found");
        return Parse(File.ReadAllText(path), path);
    }

    public static SweepConfig Parse(string yaml, string file)
    {
        var document = YamlNodes.LoadDocument(yaml, file)
            ?? throw new UserInputException($"{file}: the file is empty; expected environments:, agents:, seeds: and budget:");
        var y = new YamlNodes(file);
        var root = y.Mapping(document, "(top level)");
        y.RejectUnknownKeys(root, "", TopKeys);

        var name = YamlNodes.Child(root, "name") is { } n ? y.Scalar(n, "name") : Path.GetFileNameWithoutExtension(file);
        var environments = OneOrMany(y, root, "env", "environments", (node, field) =>
            new SweepEnvironment(ExperimentConfigLoader.ReadEnvironment(y, node, field), node.Start.Line, field));
        var workloads = YamlNodes.Child(root, "workloads") is { } w ? y.ScalarList(w, "workloads") : [];
        var agents = OneOrMany(y, root, "agent", "agents", (node, field) => ReadAgent(y, node, field));
        var seeds = ReadSeeds(y, y.Required(root, "seeds", "seeds"));
        var budgets = y.ScalarList(y.Required(root, "budget", "budget"), "budget")
            .Select(b => y.Int(b, "budget", 1, 100_000_000)).Distinct().ToArray();
        var batch = YamlNodes.Child(root, "batch") is { } bt ? y.Int(bt, "batch", 1, 1_000_000) : 1;
        var parallelRuns = ReadParallelRuns(y, YamlNodes.Child(root, "parallel_runs"));
        var share = YamlNodes.Child(root, "share_evaluations") is not { } s || y.Bool(s, "share_evaluations");
        var output = YamlNodes.Child(root, "output") is { } o ? y.Scalar(o, "output") : Path.Combine("runs", name);
        return new SweepConfig(name, environments, workloads, agents, budgets, seeds, batch, parallelRuns, share, output, file);
    }

    /// <summary>A singular key holding one entry or a plural key holding a list of entries; exactly one of them.</summary>
    private static IReadOnlyList<T> OneOrMany<T>(YamlNodes y, YamlMappingNode root, string one, string many, Func<YamlNode, string, T> read)
    {
        var single = YamlNodes.Child(root, one);
        var list = YamlNodes.Child(root, many);
        if (single is not null && list is not null) throw y.Error(list, many, $"give either {one}: or {many}:, not both");
        if (single is not null) return [read(single, one)];
        if (list is null) throw y.Error(root, many, $"missing; give {many}: (a list) or {one}: (one entry)");
        if (list is not YamlSequenceNode seq) throw y.Error(list, many, $"expected a list (- entries); for one entry use {one}:");
        if (seq.Children.Count == 0) throw y.Error(list, many, "the list is empty; give at least one entry");
        return seq.Children.Select((c, i) => read(c, $"{many}[{i}]")).ToArray();
    }

    private static SweepAgent ReadAgent(YamlNodes y, YamlNode node, string field)
    {
        var map = y.Mapping(node, field);
        y.RejectUnknownKeys(map, field, AgentKeys);
        var nameNode = y.Required(map, "name", $"{field}.name");
        var name = y.Scalar(nameNode, $"{field}.name");
        var fixedAxes = YamlNodes.Child(map, "hyperparameters") is { } h ? Axes(y, h, $"{field}.hyperparameters", single: true) : [];
        var grid = YamlNodes.Child(map, "grid") is { } g ? Axes(y, g, $"{field}.grid", single: false) : [];
        HyperParameterSample? sample = null;
        if (YamlNodes.Child(map, "sample") is { } s)
        {
            if (grid.Count > 0) throw y.Error(s, $"{field}.sample", "give either grid: or sample:, not both");
            sample = ReadSample(y, s, $"{field}.sample");
        }

        var varied = grid.Concat(sample?.Axes ?? []).ToList();
        foreach (var f in fixedAxes)
        {
            if (varied.Find(a => a.Name == f.Name) is { } twice)
                throw new UserInputException($"{y.File}:{twice.Line}: {field}: hyperparameter '{f.Name}' is both fixed (line {f.Line}) and varied; give it in one place");
        }

        return new SweepAgent(name, nameNode.Start.Line, field, fixedAxes, grid, sample);
    }

    /// <summary>A mapping of hyperparameter name to one value (<paramref name="single"/>) or a list of values.</summary>
    private static IReadOnlyList<HyperParameterAxis> Axes(YamlNodes y, YamlNode node, string field, bool single)
    {
        var axes = new List<HyperParameterAxis>();
        foreach (var (k, v) in y.Mapping(node, field).Children)
        {
            var key = y.Scalar(k, field);
            var values = single ? [new Located<string>(y.Scalar(v, $"{field}.{key}"), v.Start.Line)] : y.ScalarList(v, $"{field}.{key}");
            axes.Add(new HyperParameterAxis(key, k.Start.Line, values));
        }

        return axes;
    }

    private static HyperParameterSample ReadSample(YamlNodes y, YamlNode node, string field)
    {
        var map = y.Mapping(node, field);
        y.RejectUnknownKeys(map, field, SampleKeys);
        var count = y.Int(y.Required(map, "count", $"{field}.count"), $"{field}.count", 1, 1_000_000);
        var seed = YamlNodes.Child(map, "seed") is { } s ? y.Int(s, $"{field}.seed", 0, int.MaxValue) : 0;
        IReadOnlyList<HyperParameterAxis> axes = [];
        if (YamlNodes.Child(map, "hyperparameters") is { } h)
        {
            var hf = $"{field}.hyperparameters";
            axes = h is YamlSequenceNode
                ? y.ScalarList(h, hf).Select(n => new HyperParameterAxis(n.Value, n.Line, [])).ToArray()
                : Axes(y, h, hf, single: false);
        }

        return new HyperParameterSample(count, seed, axes, node.Start.Line);
    }

    /// <summary>Seeds as one number, a list, or an inclusive range <c>{from: 1, to: 5}</c>.</summary>
    private static IReadOnlyList<int> ReadSeeds(YamlNodes y, YamlNode node)
    {
        if (node is YamlMappingNode map)
        {
            y.RejectUnknownKeys(map, "seeds", "from", "to");
            var from = y.Int(y.Required(map, "from", "seeds.from"), "seeds.from", 0, int.MaxValue);
            var toNode = y.Required(map, "to", "seeds.to");
            var to = y.Int(toNode, "seeds.to", from, int.MaxValue);
            if ((long)to - from >= MaxSeeds) throw y.Error(toNode, "seeds.to", $"at most {MaxSeeds} seeds");
            return Enumerable.Range(from, to - from + 1).ToArray();
        }

        var seeds = y.ScalarList(node, "seeds").Select(s => y.Int(s, "seeds", 0, int.MaxValue)).ToArray();
        var duplicate = seeds.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw y.Error(node, "seeds", $"seed {duplicate.Key} is listed twice");
        return seeds;
    }

    /// <summary>A whole number of simultaneous runs, or <c>auto</c> (the default) for one per core.</summary>
    private static int ReadParallelRuns(YamlNodes y, YamlNode? node)
    {
        if (node is null || y.Scalar(node, "parallel_runs") == "auto") return Environment.ProcessorCount;
        return y.Int(node, "parallel_runs", 1, 1024);
    }
}
