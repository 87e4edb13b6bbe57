using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// A DRAM simulation setup: the device standard (name or alias from <see cref="StandardCatalog"/>), the
/// address mapping (null = <see cref="DefaultMappingOrder"/> for the standard) and the controller knobs.
/// Validated on construction; <see cref="Resolve"/> re-validates copies made with <c>with</c>.
/// </summary>
public sealed record DramConfig
{
    /// <summary>Row, channel, rank, bank, bank group, column from the most significant bit (DRAMsim3 "rochrababgco").</summary>
    public const string DefaultMappingOrder = "RoChRaBaBgCo";

    public DramConfig(string standard = StandardCatalog.DefaultName, ControllerConfig? controller = null,
        AddressMapping? addressMapping = null, bool recordCommands = false)
    {
        Standard = standard;
        Controller = controller ?? ControllerConfig.ArchGymDefault;
        AddressMapping = addressMapping;
        RecordCommands = recordCommands;
        Resolve();
    }

    public string Standard { get; init; }
    public ControllerConfig Controller { get; init; }
    public AddressMapping? AddressMapping { get; init; }
    /// <summary>Keep every issued command in the report (for the timing checker); costs memory.</summary>
    public bool RecordCommands { get; init; }

    /// <summary>ArchGym's DRAMGym default: DDR3-1600 1Gb x8, row-bank-column mapping, policy.json.</summary>
    public static DramConfig ArchGymDefault() => new(StandardCatalog.DefaultName, ControllerConfig.ArchGymDefault,
        AddressMapping.FromOrder("RoRaBaBgChCo", StandardCatalog.Get(StandardCatalog.DefaultName)));

    /// <summary>Validates and returns the standard and effective address mapping.</summary>
    public (DramStandard Standard, AddressMapping Mapping) Resolve()
    {
        var standard = StandardCatalog.Get(Standard);
        Controller.Validate();
        var mapping = (AddressMapping ?? AddressMapping.FromOrder(DefaultMappingOrder, standard)).Validate(standard);
        if (Controller.RefreshPolicy == RefreshPolicyKind.PerBank) ControllerParts.Refresh(Controller, standard, 0);
        return (standard, mapping);
    }
}
