using ArchGym.Experiments.Cli;
using ArchGym.Simulators.Common;

namespace ArchGym.Experiments.Tests;

public class CliGuardTests
{
    [Test]
    public void UserErrorsExitWithTwoAndOneLine()
    {
        var err = new StringWriter();
        var rc = CliGuard.Run(() => throw new UserInputException("a.yaml:3: budget: bad\nsecond line"), err);
        Assert.Multiple(() =>
        {
            Assert.That(rc, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(err.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(err.ToString(), Does.Contain("a.yaml:3: budget: bad second line"));
        });
    }

    [Test]
    public void SimulatorConfigErrorsAreUserErrors()
    {
        var err = new StringWriter();
        var rc = CliGuard.Run(() => throw new InvalidConfigException("ArrayHeight", 0, "a whole number >= 1", "x.cfg:4"), err);
        Assert.Multiple(() =>
        {
            Assert.That(rc, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(err.ToString(), Does.Contain("x.cfg:4: ArrayHeight is '0'; allowed: a whole number >= 1"));
        });
    }

    [Test]
    public void BugsExitWithOneAndNoStackTrace()
    {
        var err = new StringWriter();
        var rc = CliGuard.Run(() => throw new InvalidOperationException("boom"), err);
        Assert.Multiple(() =>
        {
            Assert.That(rc, Is.EqualTo(ExitCodes.InternalError));
            Assert.That(err.ToString(), Does.Not.Contain(" at "));
        });
    }
}
