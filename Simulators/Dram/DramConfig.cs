using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// A DRAM simulation setup: the device standard (name or alias from <see cref="StandardCatalog"/>), the
/// address mapping (null = <see cref="DefaultAddressMapping"/> for the standard), the controller knobs
/// and the timing rules. Validated on construction; <see cref="Resolve"/> re-validates copies made
/// with <c>with</c>.
/// </summary>
public sealed record DramConfig
{
    /// <summary>
    /// Row, channel, rank, bank, bank group, column from the most significant bit, above the byte
    /// offset: for one rank and channel this is the reference layout <c>row,bank,bankgroup,column</c>
    /// (DDR4: bits 6-12 column, 13-14 bank group, 15-16 bank, 17+ row; DDR3: row,bank,column).
    /// </summary>
    public const string DefaultAddressMapping = "row,channel,rank,bank,bankgroup,column";

    public DramConfig(string standard = StandardCatalog.DefaultName, ControllerConfig? controller = null,
        AddressMapping? addressMapping = null, bool recordCommands = false, TimingMode timingMode = TimingMode.Jedec)
    {
        Standard = standard;
        Controller = controller ?? ControllerConfig.ArchGymDefault;
        AddressMapping = addressMapping;
        RecordCommands = recordCommands;
        TimingMode = timingMode;
        Resolve();
    }

    /// <summary>
    /// A configuration from text, as a CLI has it: a standard name, knob name/value pairs applied to
    /// DRAMSys's defaults (<see cref="ControllerKnobs.FromKnobs"/>) and an address-mapping order
    /// (<see cref="Dram.AddressMapping.Parse"/>; null = <see cref="DefaultAddressMapping"/>).
    /// </summary>
    /// <exception cref="Common.InvalidConfigException">unknown standard, knob, value or mapping field.</exception>
    public static DramConfig Create(string standard, IEnumerable<KeyValuePair<string, string>>? knobs = null, string? addressMapping = null,
        TimingMode timingMode = TimingMode.Jedec)
    {
        var s = StandardCatalog.Get(standard);
        var controller = ControllerKnobs.FromKnobs(knobs ?? []);
        var mapping = addressMapping is null ? null : Dram.AddressMapping.Parse(addressMapping, s);
        return new DramConfig(s.Name, controller, mapping, timingMode: timingMode);
    }

    public string Standard { get; init; }
    public ControllerConfig Controller { get; init; }
    public AddressMapping? AddressMapping { get; init; }
    /// <summary>Keep every issued command in the report (for the timing checker); costs memory per command.</summary>
    public bool RecordCommands { get; init; }
    public TimingMode TimingMode { get; init; }

    /// <summary>ArchGym's DRAMGym setup: DDR3-1600 1Gb x8, row-bank-column mapping, policy.json.</summary>
    public static DramConfig ArchGymDefault() => new(StandardCatalog.DefaultName, ControllerConfig.ArchGymDefault);

    /// <summary>Validates and returns the standard and effective address mapping.</summary>
    /// <exception cref="Common.InvalidConfigException">any part is invalid.</exception>
    public (DramStandard Standard, AddressMapping Mapping) Resolve()
    {
        var standard = StandardCatalog.Get(Standard);
        Controller.Validate();
        if (!Enum.IsDefined(TimingMode)) throw new Common.InvalidConfigException(nameof(TimingMode), TimingMode, "Jedec, DramSys5");
        var mapping = (AddressMapping ?? Dram.AddressMapping.Parse(DefaultAddressMapping, standard)).Validate(standard);
        if (Controller.RefreshPolicy == RefreshPolicyKind.PerBank) ControllerParts.Refresh(Controller, standard, 0);
        return (standard, mapping);
    }
}
