namespace ArchGym.Experiments.Tests.Cli;

/// <summary><c>simulate pim</c> bad input: one stderr line naming the option and what is allowed, exit code 2, no output.</summary>
public class PimBadInputTests
{
    private static void AssertBadInput(string[] args, params string[] expected) =>
        BadInput.Assert(ArchGymProcess.Run(ArchGymProcess.TempDir(), ["simulate", "pim", .. args, "--format", "json"]), expected);

    [Test]
    public void UnknownDeviceListsTheKnownOnes() =>
        AssertBadInput(["--device", "GDDR7_PIM"], "--device", "GDDR7_PIM", "GDDR6_AIM", "HBM2_PIM");

    [Test]
    public void UnknownModelListsTheCatalog() =>
        AssertBadInput(["--device", "GDDR6_AIM", "--model", "gpt5"], "--model", "gpt5", "gpt2-small", "gpt3-xl");

    [Test]
    public void ZeroBanksIsRefused() =>
        AssertBadInput(["--device", "GDDR6_AIM", "--banks-per-channel", "0"], "--banks-per-channel", "'0'");

    [Test]
    public void BanksThatAreNotAMultipleOfTheBankGroupsAreRefused() =>
        AssertBadInput(["--device", "HBM2_PIM", "--banks-per-channel", "6"], "--banks-per-channel", "'6'", "multiple of 4");

    [Test]
    public void AModelThatDoesNotFitSaysHowManyChannelsItNeeds() =>
        AssertBadInput(["--device", "GDDR6_AIM", "--model", "gpt2-xl", "--channels", "1", "--prompt", "4", "--tokens", "4"],
            "--model", "gpt2-xl", "rows per bank", "channels needed");

    [Test]
    public void AMatrixThatDoesNotFitIsRefused() =>
        AssertBadInput(["--device", "GDDR6_AIM", "--channels", "1", "--gemv", "2000000x4096"], "--gemv", "2000000x4096", "rows per bank");

    [TestCase("4096")]
    [TestCase("4096x")]
    [TestCase("axb")]
    [TestCase("0x768")]
    [TestCase("-5x3")]
    [TestCase("99999999999x2")]
    public void MalformedGemvShowsTheExpectedForm(string shape) =>
        AssertBadInput(["--device", "HBM2_PIM", "--gemv", shape], "--gemv", "<out>x<in>");

    [Test]
    public void GemvWithAGenerationOptionIsRefused() =>
        AssertBadInput(["--device", "HBM2_PIM", "--gemv", "8x8", "--tokens", "4"], "--gemv", "--tokens");

    [Test]
    public void PromptAndTokensBeyondTheContextAreRefused() =>
        AssertBadInput(["--device", "GDDR6_AIM", "--prompt", "1000", "--tokens", "100"], "--tokens", "1024");

    [Test]
    public void UnknownMappingOrMissingDeviceAreParseErrors()
    {
        AssertBadInput(["--device", "GDDR6_AIM", "--mapping", "diagonal"], "diagonal", "row-major");
        AssertBadInput(["--model", "gpt2-small"], "--device");
    }
}
