using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Systolic;

/// <summary>Which operand stays in the PEs while the others stream (SCALE-Sim's os / ws / is).</summary>
public enum Dataflow
{
    OutputStationary,
    WeightStationary,
    InputStationary,
}

/// <summary>SCALE-Sim's short names for <see cref="Dataflow"/>.</summary>
public static class DataflowNames
{
    public const string Allowed = "os | ws | is (case-insensitive)";

    public static string ToShortName(this Dataflow dataflow) => dataflow switch
    {
        Dataflow.OutputStationary => "os",
        Dataflow.WeightStationary => "ws",
        Dataflow.InputStationary => "is",
        _ => throw new InvalidConfigException(nameof(Dataflow), dataflow, Allowed),
    };

    public static bool TryParse(string? text, out Dataflow dataflow)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "os": dataflow = Dataflow.OutputStationary; return true;
            case "ws": dataflow = Dataflow.WeightStationary; return true;
            case "is": dataflow = Dataflow.InputStationary; return true;
            default: dataflow = default; return false;
        }
    }

    /// <summary>Parses "os" / "ws" / "is"; anything else is an <see cref="InvalidConfigException"/>.</summary>
    public static Dataflow Parse(string? text, string? source = null) =>
        TryParse(text, out var dataflow) ? dataflow : throw new InvalidConfigException(nameof(Dataflow), text, Allowed, source);
}
