using System.Diagnostics;
using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Runner.Slurm;

namespace ArchGym.Experiments.Tests.Slurm;

/// <summary>The batch scripts: the #SBATCH lines the options ask for, the shard each task runs, the shared-folder check, valid bash.</summary>
public class SbatchScriptTests
{
    private string _dir = "";
    private SlurmLayout _layout = null!;
    private static readonly string[] Archgym = ["/opt/dotnet it's/dotnet", "/opt/archgym/archgym.dll"];

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "archgym-tests", Guid.NewGuid().ToString("N"), "my sweep");
        _layout = new SlurmLayout(_dir);
        _layout.Prepare();
    }

    [TearDown]
    public void TearDown() => Directory.Delete(Path.GetDirectoryName(_dir)!, recursive: true);

    private static string[] Directives(string script) => script.Split('\n').Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal)).ToArray();

    [Test]
    public void TheArrayScriptHasOneDirectivePerOptionAndRunsShardIOfN()
    {
        var options = new SlurmOptions("gpu", "1:30:00", 4, 3, null, ["--mem=4G", "--account=lab"]);
        var script = SbatchScript.Array(_layout, "demo", Archgym, 10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], options);
        Assert.Multiple(() =>
        {
            Assert.That(script, Does.StartWith("#!/bin/bash\n"));
            Assert.That(Directives(script), Is.SupersetOf(new[]
            {
                "#SBATCH --array=0-9%3", "#SBATCH --partition=gpu", "#SBATCH --time=1:30:00", "#SBATCH --cpus-per-task=4",
                "#SBATCH --mem=4G", "#SBATCH --account=lab", "#SBATCH --job-name=archgym-demo",
            }));
            Assert.That(script, Does.Contain("--shard \"${SLURM_ARRAY_TASK_ID}/10\" --parallel-runs 4"));
            Assert.That(script, Does.Contain("'/opt/dotnet it'\\''s/dotnet' '/opt/archgym/archgym.dll' sweep \"$folder/sweep.yaml\" --output \"$folder\""));
            Assert.That(script, Does.Contain(_layout.ReadProbe()), "the task checks the probe token");
            Assert.That(script.IndexOf("slurm/probe", StringComparison.Ordinal), Is.LessThan(script.IndexOf("exec ", StringComparison.Ordinal)), "the check comes before the run");
        });
    }

    [Test]
    public void AResubmittedArrayListsOnlyItsTasksAndTheMergeWaitsForEveryLiveArray()
    {
        var array = SbatchScript.Array(_layout, "demo", Archgym, 10, [7, 2, 3], new SlurmOptions());
        var merge = SbatchScript.Merge(_layout, "demo", Archgym, ["12", "17"], new SlurmOptions(Partition: "debug"));
        Assert.Multiple(() =>
        {
            Assert.That(Directives(array), Does.Contain("#SBATCH --array=2-3,7"));
            Assert.That(Directives(array).Any(d => d.StartsWith("#SBATCH --partition", StringComparison.Ordinal)), Is.False, "no partition unless asked");
            Assert.That(Directives(merge), Does.Contain("#SBATCH --dependency=afterany:12:17").And.Contain("#SBATCH --partition=debug"));
            Assert.That(merge, Does.Contain("sweep --merge \"$folder\""));
        });
    }

    [TestCase(new[] { 0, 1, 2, 5, 7, 8 }, "0-2,5,7-8")]
    [TestCase(new[] { 4 }, "4")]
    [TestCase(new[] { 9, 3, 3, 4 }, "3-4,9")]
    public void ArraySpecIsSlurmsCompactList(int[] tasks, string expected) => Assert.That(SbatchScript.ArraySpec(tasks), Is.EqualTo(expected));

    [Test]
    public void AnOptionThatIsNotOneSbatchOptionIsRefused()
    {
        var e = Assert.Throws<UserInputException>(() => SbatchScript.Array(_layout, "demo", Archgym, 2, [0, 1], new SlurmOptions(SbatchArgs: ["mem=4G"])))!;
        Assert.That(e.Message, Does.Contain("--sbatch-arg 'mem=4G'").And.Contain("starting with -"));
    }

    [Test]
    public void BothScriptsAreValidBash()
    {
        foreach (var script in new[]
        {
            SbatchScript.Array(_layout, "we'ird name", Archgym, 3, [0, 1, 2], new SlurmOptions(Time: "10")),
            SbatchScript.Merge(_layout, "we'ird name", Archgym, ["5"], new SlurmOptions()),
        })
        {
            var path = Path.Combine(_layout.Directory, "check.sbatch");
            File.WriteAllText(path, script);
            using var p = Process.Start(new ProcessStartInfo("bash", ["-n", path]) { RedirectStandardError = true })!;
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.That(p.ExitCode, Is.Zero, err + "\n" + script);
        }
    }
}
