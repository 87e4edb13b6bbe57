using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Workloads.Dnn;

/// <summary>
/// Built-in DNN workloads for the systolic-array simulator, in SCALE-Sim v2's layer form (no padding: the
/// padding is folded into each ifmap; FC layers as 1x1 convolutions; GEMMs lowered as by <see cref="Layer.Gemm"/>).
/// Stateless: every call to <see cref="Get"/> builds a fresh, read-only <see cref="Topology"/>.
/// </summary>
public static class DnnCatalog
{
    private static readonly (CatalogEntry Entry, Func<int?, Topology> Build)[] Networks =
    [
        (AlexNet.Entry, _ => AlexNet.Build()),
        (ResNet18.Entry, _ => ResNet18.Build()),
        (ResNet50.Entry, _ => ResNet50.Build()),
        (MobileNetV2.Entry, _ => MobileNetV2.Build()),
        (BertBase.Entry, BertBase.Build),
    ];

    /// <summary>The networks, in catalog order: alexnet, resnet18, resnet50, mobilenetv2, bert-base.</summary>
    public static IReadOnlyList<CatalogEntry> Entries { get; } = Array.AsReadOnly(Networks.Select(n => n.Entry).ToArray());

    /// <summary>
    /// The topology of a catalog network. <paramref name="name"/> is a canonical name or alias of an
    /// <see cref="Entries"/> item, case-insensitive. <paramref name="sequenceLength"/> is BERT's token count
    /// (default 128, 1..512); it must be null for networks without that option.
    /// </summary>
    /// <exception cref="InvalidConfigException">
    /// Field <c>workload</c> for an unknown name; field <c>sequenceLength</c> for a value out of range or given
    /// to a network that has no sequence length.
    /// </exception>
    public static Topology Get(string name, int? sequenceLength = null)
    {
        var (entry, build) = Find(name);
        if (sequenceLength is not null && !entry.Options.Any(o => o.Name == BertBase.SequenceLengthOption))
            throw new InvalidConfigException(BertBase.SequenceLengthOption, sequenceLength,
                $"null for {entry.Name} (only {BertBase.Entry.Name} takes a sequence length)");
        return build(sequenceLength);
    }

    private static (CatalogEntry Entry, Func<int?, Topology> Build) Find(string? name)
    {
        if (name is not null)
        {
            foreach (var network in Networks)
            {
                if (string.Equals(network.Entry.Name, name, StringComparison.OrdinalIgnoreCase)
                    || network.Entry.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)))
                    return network;
            }
        }
        throw new InvalidConfigException("workload", name,
            $"one of {string.Join(", ", Networks.Select(n => n.Entry.Name))} (case-insensitive; aliases: "
            + $"{string.Join(", ", Networks.SelectMany(n => n.Entry.Aliases))})");
    }
}
