using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Synthetic;

namespace ArchGym.Environments.Tests.Core;

public class RegistryTests
{
    [Test]
    public void MakeBuildsByIdAndUnknownIdsListTheKnownOnes()
    {
        var registry = new EnvironmentRegistry();
        SyntheticEnvironment.Register(registry);
        using var env = registry.Make("synthetic-v0", new Dictionary<string, string> { ["function"] = "levels", ["dimensions"] = "3" });
        Assert.Multiple(() =>
        {
            Assert.That(env.ActionSpace.Count, Is.EqualTo(3));
            Assert.That(registry.List().Select(s => s.Id), Does.Contain("synthetic-v0"));
            Assert.That(Assert.Throws<KeyNotFoundException>(() => registry.Make("nope-v0"))!.Message, Does.Contain("synthetic-v0"));
            Assert.Throws<ArgumentException>(() => SyntheticEnvironment.Register(registry), "ids are unique");
        });
    }

    [Test]
    public void OptionsReportWhatWasNeverRead()
    {
        var options = new EnvironmentOptions(new Dictionary<string, string> { ["function"] = "mixed", ["fucntion"] = "levels" });
        SyntheticEnvironment.Create(options).Dispose();
        Assert.That(options.Unused(), Is.EqualTo(new[] { "fucntion" }));
    }

    [Test]
    public void TypedReadsNameTheOptionAndWhatIsAllowed()
    {
        var options = new EnvironmentOptions(new Dictionary<string, string> { ["n"] = "40", ["b"] = "maybe", ["c"] = "x" });
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => options.GetInt("n", 1, 1, 32))!.Message, Does.Contain("'n'").And.Contain("1 to 32"));
            Assert.That(Assert.Throws<ArgumentException>(() => options.GetBool("b", true))!.Message, Does.Contain("true or false"));
            Assert.That(Assert.Throws<ArgumentException>(() => options.GetChoice("c", "a", ["a", "b"]))!.Message, Does.Contain("one of a, b"));
            Assert.That(options.GetInt("missing", 7, 1, 9), Is.EqualTo(7));
            Assert.That(options.With("n", "3").GetInt("n", 1, 1, 32), Is.EqualTo(3));
        });
    }
}
