using ArchGym.Simulators.Systolic.ScaleSimFiles;
using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Environments.Systolic;

/// <summary>
/// Resolves the <c>workload</c> option of <c>systolic-v0</c>: a built-in network from the DNN catalog
/// (alexnet, resnet18, resnet50, mobilenetv2, bert-base) or the path of a SCALE-Sim topology CSV.
/// </summary>
public static class SystolicWorkloads
{
    public static Topology Resolve(string workload, int? sequenceLength)
    {
        var looksLikeFile = workload.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            || workload.Contains('/') || workload.Contains('\\');
        if (!looksLikeFile) return DnnCatalog.Get(workload, sequenceLength);
        if (!File.Exists(workload))
            throw new ArgumentException($"option 'workload': topology file '{workload}' not found");
        return ScaleSimTopologyReader.Read(workload);
    }
}
