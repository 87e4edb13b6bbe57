namespace ArchGym.Simulators.Workloads.Dnn;

/// <summary>
/// ResNet-50 exactly as SCALE-Sim v2's MLPerf topology (<c>topologies/mlperf/Resnet50.csv</c>, the project's
/// <c>shared/reference/scalesim/topologies/resnet50.csv</c>): 54 layers, same names and numbers.
/// </summary>
/// <remarks>
/// That file lists nominal input sizes without padding (Conv1 reads 224 x 224; the 3x3 convolutions read
/// 56/28/14/7 and so output 54/26/12/5) and puts the stage stride on the first 1x1 convolution (ResNet v1).
/// It therefore has 3.48 G MACs, below the 4.1 G of the padded network. Kept verbatim so every layer
/// compares one to one with SCALE-Sim's own runs.
/// </remarks>
internal static class ResNet50
{
    public static readonly CatalogEntry Entry = new(
        "resnet50",
        ["resnet-50", "resnet_50"],
        "ResNet-50, layer for layer SCALE-Sim's MLPerf topology: conv1, 16 bottleneck blocks (1x1, 3x3, 1x1; "
        + "projection shortcuts CB*s), FC; unpadded nominal ifmaps; 54 layers, 3.48 G MACs (padded network: 4.1 G).",
        "He, Zhang, Ren, Sun, \"Deep Residual Learning for Image Recognition\", CVPR 2016; layer table from "
        + "SCALE-Sim v2 topologies/mlperf/Resnet50.csv.",
        []);

    public static Topology Build() => CatalogLayers.Freeze(Entry.Name,
    [
        //       name      ifmap H, W  filter H, W  channels  filters  stride H, W
        new Layer("Conv1", 224, 224, 7, 7, 3, 64, 2, 2),
        new Layer("CB2a_1", 56, 56, 1, 1, 64, 64, 1, 1),
        new Layer("CB2a_2", 56, 56, 3, 3, 64, 64, 1, 1),
        new Layer("CB2a_3", 56, 56, 1, 1, 64, 256, 1, 1),
        new Layer("CB2s", 56, 56, 1, 1, 64, 256, 1, 1),
        new Layer("IB2b_1", 56, 56, 1, 1, 256, 64, 1, 1),
        new Layer("IB2b_2", 56, 56, 3, 3, 64, 64, 1, 1),
        new Layer("IB2b_3", 56, 56, 1, 1, 64, 256, 1, 1),
        new Layer("IB2c_1", 56, 56, 1, 1, 256, 64, 1, 1),
        new Layer("IB2c_2", 56, 56, 3, 3, 64, 64, 1, 1),
        new Layer("IB2c_3", 56, 56, 1, 1, 64, 256, 1, 1),
        new Layer("CB3a_1", 56, 56, 1, 1, 256, 128, 2, 2),
        new Layer("CB3a_2", 28, 28, 3, 3, 128, 128, 1, 1),
        new Layer("CB3a_3", 28, 28, 1, 1, 128, 512, 1, 1),
        new Layer("CB3s", 56, 56, 1, 1, 256, 512, 2, 2),
        new Layer("IB3b_1", 28, 28, 1, 1, 512, 128, 1, 1),
        new Layer("IB3b_2", 28, 28, 3, 3, 128, 128, 1, 1),
        new Layer("IB3b_3", 28, 28, 1, 1, 128, 512, 1, 1),
        new Layer("IB3c_1", 28, 28, 1, 1, 512, 128, 1, 1),
        new Layer("IB3c_2", 28, 28, 3, 3, 128, 128, 1, 1),
        new Layer("IB3c_3", 28, 28, 1, 1, 128, 512, 1, 1),
        new Layer("IB3d_1", 28, 28, 1, 1, 512, 128, 1, 1),
        new Layer("IB3d_2", 28, 28, 3, 3, 128, 128, 1, 1),
        new Layer("IB3d_3", 28, 28, 1, 1, 128, 512, 1, 1),
        new Layer("CB4a_1", 28, 28, 1, 1, 512, 256, 2, 2),
        new Layer("CB4a_2", 14, 14, 3, 3, 256, 256, 1, 1),
        new Layer("CB4a_3", 14, 14, 1, 1, 256, 1024, 1, 1),
        new Layer("CB4s", 28, 28, 1, 1, 512, 1024, 2, 2),
        new Layer("IB4b_1", 14, 14, 1, 1, 1024, 256, 1, 1),
        new Layer("IB4b_2", 14, 14, 3, 3, 256, 256, 1, 1),
        new Layer("IB4b_3", 14, 14, 1, 1, 256, 1024, 1, 1),
        new Layer("IB4c_1", 14, 14, 1, 1, 1024, 256, 1, 1),
        new Layer("IB4c_2", 14, 14, 3, 3, 256, 256, 1, 1),
        new Layer("IB4c_3", 14, 14, 1, 1, 256, 1024, 1, 1),
        new Layer("IB4d_1", 14, 14, 1, 1, 1024, 256, 1, 1),
        new Layer("IB4d_2", 14, 14, 3, 3, 256, 256, 1, 1),
        new Layer("IB4d_3", 14, 14, 1, 1, 256, 1024, 1, 1),
        new Layer("IB4e_1", 14, 14, 1, 1, 1024, 256, 1, 1),
        new Layer("IB4e_2", 14, 14, 3, 3, 256, 256, 1, 1),
        new Layer("IB4e_3", 14, 14, 1, 1, 256, 1024, 1, 1),
        new Layer("IB4f_1", 14, 14, 1, 1, 1024, 256, 1, 1),
        new Layer("IB4f_2", 14, 14, 3, 3, 256, 256, 1, 1),
        new Layer("IB4f_3", 14, 14, 1, 1, 256, 1024, 1, 1),
        new Layer("CB5a_1", 14, 14, 1, 1, 1024, 512, 2, 2),
        new Layer("CB5a_2", 7, 7, 3, 3, 512, 512, 1, 1),
        new Layer("CB5a_3", 7, 7, 1, 1, 512, 2048, 1, 1),
        new Layer("CB5s", 14, 14, 1, 1, 1024, 2048, 2, 2),
        new Layer("IB5b_1", 7, 7, 1, 1, 2048, 512, 1, 1),
        new Layer("IB5b_2", 7, 7, 3, 3, 512, 512, 1, 1),
        new Layer("IB5b_3", 7, 7, 1, 1, 512, 2048, 1, 1),
        new Layer("IB5c_1", 7, 7, 1, 1, 2048, 512, 1, 1),
        new Layer("IB5c_2", 7, 7, 3, 3, 512, 512, 1, 1),
        new Layer("IB5c_3", 7, 7, 1, 1, 512, 2048, 1, 1),
        new Layer("FC6", 1, 1, 1, 1, 2048, 1000, 1, 1),
    ]);
}
