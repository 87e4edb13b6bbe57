namespace ArchGym.Simulators.Workloads.Dnn;

/// <summary>One network of <see cref="DnnCatalog"/>: how to ask for it and where its numbers come from.</summary>
/// <param name="Name">Canonical name accepted by <see cref="DnnCatalog.Get"/> (case-insensitive).</param>
/// <param name="Aliases">Other accepted names (also case-insensitive).</param>
/// <param name="Description">What the topology contains and the conventions it follows.</param>
/// <param name="Source">The publication (and, where used, the SCALE-Sim file) the layer data follows.</param>
/// <param name="Options">Parameters <see cref="DnnCatalog.Get"/> accepts for this network; empty when none.</param>
public sealed record CatalogEntry(
    string Name,
    IReadOnlyList<string> Aliases,
    string Description,
    string Source,
    IReadOnlyList<CatalogOption> Options);

/// <summary>An integer option of a catalog network, e.g. BERT's sequence length.</summary>
/// <param name="Name">Name of the matching <see cref="DnnCatalog.Get"/> argument.</param>
/// <param name="Description">What the option controls.</param>
/// <param name="DefaultValue">Value used when the argument is null.</param>
/// <param name="Minimum">Smallest accepted value (inclusive).</param>
/// <param name="Maximum">Largest accepted value (inclusive).</param>
public sealed record CatalogOption(string Name, string Description, int DefaultValue, int Minimum, int Maximum);
