namespace ArchGym.Experiments.Tests.Cli;

/// <summary>The bad-input contract of every archgym command: exit code 2, one stderr line naming each expected piece, no stack trace, nothing on stdout.</summary>
public static class BadInput
{
    public static void Assert(ArchGymProcess.Result r, params string[] expected)
    {
        NUnit.Framework.Assert.Multiple(() =>
        {
            NUnit.Framework.Assert.That(r.ExitCode, Is.EqualTo(2), r.StdErr);
            NUnit.Framework.Assert.That(r.StdErr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), r.StdErr);
            NUnit.Framework.Assert.That(r.StdErr, Does.Not.Contain("   at "));
            NUnit.Framework.Assert.That(r.StdOut, Is.Empty);
            foreach (var e in expected) NUnit.Framework.Assert.That(r.StdErr, Does.Contain(e));
        });
    }
}
