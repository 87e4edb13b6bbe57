namespace ArchGym.Experiments.Config;

/// <summary>A value read from a file with the line it was on, so a later check can still name the line.</summary>
public sealed record Located<T>(T Value, long Line);
