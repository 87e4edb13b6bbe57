namespace ArchGym.Experiments.Tests.Cli;

/// <summary><c>simulate dram</c> and <c>trace generate</c> bad input: one stderr line naming the flag, file or line and what is allowed, exit code 2, no output.</summary>
public class DramBadInputTests
{
    private string _dir = "";
    private string _good = "";

    [SetUp]
    public void SetUp()
    {
        _dir = ArchGymProcess.TempDir();
        _good = Write("good.stl", "0:\tread\t0x0", "1:\tread\t0x40");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private void AssertBadInput(string[] args, params string[] expected) => BadInput.Assert(ArchGymProcess.Run(_dir, args), expected);

    private void AssertBadDram(string[] args, params string[] expected) => AssertBadInput(["simulate", "dram", .. args, "--format", "json"], expected);

    [Test]
    public void UnknownStandardListsTheCatalog() =>
        AssertBadDram(["--standard", "DDR9_9999", "--trace", _good], "--standard", "DDR9_9999", "DDR4_2400_4Gb_x8", "HBM2_2000_4Gb");

    [Test]
    public void UnknownKnobValueNamesTheFlagAndTheValues() =>
        AssertBadDram(["--standard", "DDR4_2400_4Gb_x8", "--trace", _good, "--page-policy", "Sometimes"],
            "--page-policy", "Sometimes", "OpenAdaptive", "ClosedAdaptive");

    [Test]
    public void OutOfRangeNumbersAreRefused()
    {
        AssertBadDram(["--standard", "DDR4_2400_4Gb_x8", "--trace", _good, "--request-buffer-size", "0"], "--request-buffer-size", "'0'");
        AssertBadDram(["--standard", "DDR4_2400_4Gb_x8", "--trace", _good, "--refresh-max-pulledin", "9"], "--refresh-max-pulledin", "[0, 8]");
    }

    [Test]
    public void UnknownFlagOrFormatIsAParseError()
    {
        AssertBadDram(["--standard", "DDR4_2400_4Gb_x8", "--trace", _good, "--page-polcy", "Open"], "page-polcy");
        AssertBadDram(["--standard", "DDR4_2400_4Gb_x8", "--trace", _good, "--trace-format", "csv"], "csv");
    }

    [Test]
    public void MalformedTraceLineNamesFileAndLine()
    {
        var bad = Write("bad.stl", "0:\tread\t0x0", "", "2:\tread\t0xZZ");
        AssertBadDram(["--standard", "DDR4_2400_4Gb_x8", "--trace", bad], $"{bad}:3", "0xZZ");
    }

    [Test]
    public void AddressBeyondTheDeviceIsRefused()
    {
        var far = Write("far.stl", "0:\tread\t0x0", "1:\tread\t0x40000000");
        AssertBadDram(["--standard", "DDR3_1600_1Gb_x8", "--trace", far], "far.stl", "request 2", "0x40000000");
    }

    [Test]
    public void EmptyAndMissingTracesAreRefused()
    {
        AssertBadDram(["--standard", "DDR4_2400_4Gb_x8", "--trace", Write("empty.stl", "# no requests")], "--trace", "empty");
        AssertBadDram(["--standard", "DDR4_2400_4Gb_x8", "--trace", Path.Combine(_dir, "none.stl")], "--trace", "none.stl", "not found");
    }

    [Test]
    public void BadMappingAndConfigAreRefused()
    {
        AssertBadDram(["--standard", "DDR4_2400_4Gb_x8", "--trace", _good, "--address-mapping", "row,bank,bank"], "--address-mapping", "row,bank,bank");
        var mc = Write("mc.json", "{\"mcconfig\": {\"PagePolicy\": \"Never\"}}");
        AssertBadDram(["--standard", "DDR4_2400_4Gb_x8", "--trace", _good, "--config", mc], "--config", "mc.json", "Never");
        AssertBadDram(["--standard", "DDR3_1600_1Gb_x8", "--trace", _good, "--refresh-policy", "PerBank"], "--refresh-policy", "per-bank");
    }
}
