namespace ArchGym.Experiments.Tests.Cli;

/// <summary>Every kind of bad input gives one clear stderr line and exit code 2, never a stack trace or a result.</summary>
public class BadInputTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = ArchGymProcess.TempDir();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private ArchGymProcess.Result RunYaml(string yaml)
    {
        File.WriteAllText(Path.Combine(_dir, "exp.yaml"), yaml);
        return ArchGymProcess.Run(_dir, "run", "exp.yaml", "--quiet");
    }

    private static void AssertBadInput(ArchGymProcess.Result r, params string[] expected) => BadInput.Assert(r, expected);

    [Test]
    public void UnknownEnvironmentListsTheKnownOnes() =>
        AssertBadInput(RunYaml("env: {id: warp-v9}\nagent: {name: random_walk}\nbudget: 3\n"), "exp.yaml", "env.id", "warp-v9", "systolic-v0");

    [Test]
    public void UnknownAgentIsNamed() =>
        AssertBadInput(RunYaml("env: {id: systolic-v0}\nagent: {name: oracle}\nbudget: 3\n"), "exp.yaml", "agent", "oracle", "random_walk");

    [Test]
    public void UnknownEnvironmentOptionListsTheAllowedOnes() =>
        AssertBadInput(RunYaml("env: {id: systolic-v0, options: {wrokload: resnet18}}\nagent: {name: random_walk}\nbudget: 3\n"),
            "env.options.wrokload", "allowed", "workload");

    [Test]
    public void UnknownWorkloadListsTheCatalog() =>
        AssertBadInput(RunYaml("env: {id: systolic-v0, options: {workload: vgg99}}\nagent: {name: random_walk}\nbudget: 3\n"),
            "exp.yaml", "vgg99", "resnet18");

    [Test]
    public void UnknownPimModelAndOversizedRunAreNamed()
    {
        AssertBadInput(RunYaml("env: {id: pim-v0, options: {model: gpt5}}\nagent: {name: random_walk}\nbudget: 3\n"),
            "exp.yaml", "pim-v0", "gpt5", "gpt2-small");
        AssertBadInput(RunYaml("env: {id: pim-v0, options: {prompt: 1000, tokens: 100}}\nagent: {name: random_walk}\nbudget: 3\n"),
            "exp.yaml", "pim-v0", "1024");
    }

    [Test]
    public void UnknownHyperparameterIsNamed() =>
        AssertBadInput(RunYaml("env: {id: systolic-v0}\nagent: {name: random_walk, hyperparameters: {temperature: 3}}\nbudget: 3\n"),
            "exp.yaml", "temperature");

    [Test]
    public void UnknownTargetMetricIsNamed() =>
        AssertBadInput(RunYaml("env: {id: systolic-v0, targets: {speed: 3}}\nagent: {name: random_walk}\nbudget: 3\n"), "exp.yaml", "speed");

    [Test]
    public void MalformedYamlNamesTheLine() =>
        AssertBadInput(RunYaml("env: {id: systolic-v0\nagent: [\n"), "exp.yaml:");

    [Test]
    public void MissingExperimentFile() =>
        AssertBadInput(ArchGymProcess.Run(_dir, "run", "nope.yaml"), "nope.yaml", "not found");

    [Test]
    public void UnknownCommandOrOption()
    {
        AssertBadInput(ArchGymProcess.Run(_dir, "fly"));
        AssertBadInput(ArchGymProcess.Run(_dir, "simulate", "systolic", "--config", "x.cfg", "--format", "xml"), "xml");
    }

    [Test]
    public void BadRunLeavesNoResult()
    {
        var r = RunYaml("env: {id: systolic-v0, options: {workload: vgg99}}\nagent: {name: random_walk}\nbudget: 3\noutput: out\n");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(File.Exists(Path.Combine(_dir, "out", "run.json")), Is.False);
        Assert.That(File.Exists(Path.Combine(_dir, "out", "evaluations.csv")), Is.False);
    }

    [Test]
    public void MalformedScaleSimConfigNamesFileAndLine()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.cfg"), "[architecture_presets]\nArrayHeight: many\n");
        File.WriteAllText(Path.Combine(_dir, "t.csv"), "Layer, M, N, K,\ng, 8, 8, 8,\n");
        AssertBadInput(ArchGymProcess.Run(_dir, "simulate", "systolic", "--config", "bad.cfg", "--topology", "t.csv"), "bad.cfg", "ArrayHeight");
    }

    [Test]
    public void MalformedTopologyNamesFileAndLine()
    {
        var cfg = Path.Combine(ArchGymProcess.RepoRoot(), "..", "shared", "reference", "scalesim", "configs", "a8x8_os_calc64.cfg");
        File.WriteAllText(Path.Combine(_dir, "t.csv"), "Layer, M, N, K,\ng, 8, eight, 8,\n");
        AssertBadInput(ArchGymProcess.Run(_dir, "simulate", "systolic", "--config", cfg, "--topology", "t.csv"), "t.csv:2");
    }
}
