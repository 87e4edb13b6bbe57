namespace ArchGym.Environments.Core.MultiAgent;

/// <summary>One named agent of a multi-agent view and the parameters it sets.</summary>
public sealed record AgentGroup(string Agent, IReadOnlyList<string> Parameters);
