using NUnit.Framework;
using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Simulators.Tests.Systolic;

/// <summary>
/// Run simulates each distinct layer shape once and relabels the repeats: every layer of the network
/// report must equal simulating that layer on its own, name included.
/// </summary>
[TestFixture]
public class SystolicShapeReuseTests
{
    [TestCase(Dataflow.WeightStationary, BandwidthMode.User, 4)]
    [TestCase(Dataflow.OutputStationary, BandwidthMode.Calc, 10)]
    [TestCase(Dataflow.InputStationary, BandwidthMode.User, 2)]
    public void RepeatedShapesMatchOneByOne(Dataflow dataflow, BandwidthMode mode, int bandwidth)
    {
        var topology = new Topology("repeats", [
            new Layer("a", 12, 12, 3, 3, 8, 16, 1, 1),
            Layer.Gemm("g", 20, 30, 40),
            new Layer("b", 12, 12, 3, 3, 8, 16, 1, 1),
            new Layer("c", 12, 12, 3, 3, 8, 16, 2, 2),
            Layer.Gemm("h", 20, 30, 40),
            new Layer("d", 12, 12, 3, 3, 8, 16, 1, 1),
        ]);
        var config = new SystolicConfig(16, 4, dataflow, 1, 1, 1, mode, bandwidth);
        var sim = new SystolicSimulator();
        var report = sim.Run(config, topology);
        Assert.That(report.Layers.Select(l => l.Layer), Is.EqualTo(new[] { "a", "g", "b", "c", "h", "d" }));
        for (int i = 0; i < topology.Layers.Count; i++)
        {
            var alone = sim.RunLayer(config, topology.Layers[i]);
            Assert.That(report.Layers[i], Is.EqualTo(alone), topology.Layers[i].Name);
            Assert.That((report.Layers[i].Macs, report.Layers[i].Energy, report.Layers[i].DramCycles),
                Is.EqualTo((alone.Macs, alone.Energy, alone.DramCycles)), topology.Layers[i].Name);
        }

        Assert.That(report.Layers[3].TotalCycles, Is.Not.EqualTo(report.Layers[0].TotalCycles), "stride 2 is another shape");
    }
}
