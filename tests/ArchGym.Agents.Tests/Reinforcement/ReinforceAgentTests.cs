using ArchGym.Agents.Reinforcement;
using ArchGym.Agents.Tests.Support;

namespace ArchGym.Agents.Tests.Reinforcement;

public sealed class ReinforceAgentTests
{
    [Test]
    public void GetsNearTheOptimumOfEightLevelsFarBetterThanRandom() =>
        AgentContract.AssertBeatsRandom(ReinforceAgent.AgentName, "levels", 800, dimensions: 8, factor: 0.1, nearOptimum: 1.0);

    [Test]
    public void BeatsRandomOnTheMixedFunction() =>
        AgentContract.AssertBeatsRandom(ReinforceAgent.AgentName, "mixed", 800, factor: 0.7);

    [Test]
    public void IsDeterministic() => AgentContract.AssertDeterministic(ReinforceAgent.AgentName, new Dictionary<string, string> { ["batch"] = "8" });

    [Test]
    public void HasNoClipOrEpochHyperParameters() => AgentContract.AssertRejects(ReinforceAgent.AgentName, "clip", "0.2");
}
