namespace ArchGym.Environments.Core.Registry;

/// <summary>A registered environment: id, one-line description, the options it reads, and its factory.</summary>
public sealed record EnvironmentSpec(
    string Id,
    string Description,
    IReadOnlyList<OptionSpec> Options,
    Func<EnvironmentOptions, IEnvironment> Create);
