namespace ArchGym.Environments.Core.Registry;

/// <summary>One option an environment reads, with its default (as text) and meaning, for listings and errors.</summary>
public sealed record OptionSpec(string Name, string Default, string Description);
