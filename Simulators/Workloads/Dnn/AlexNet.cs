using static ArchGym.Simulators.Workloads.Dnn.CatalogLayers;

namespace ArchGym.Simulators.Workloads.Dnn;

/// <summary>
/// AlexNet in SCALE-Sim v2's convention (<c>topologies/conv_nets/alexnet.csv</c>): the five convolutions
/// with the ifmap sizes that file gives, plus the three fully connected layers as 1 x 1 convolutions.
/// </summary>
/// <remarks>
/// SCALE-Sim's file does not pad: Conv1 reads 224 x 224 (SCALE-Sim's ceil rule still gives the paper's 55 x 55) and Conv2..Conv5
/// read the 27 / 13 pooled maps unpadded (ofmaps 23, 11, 11, 11 instead of 27, 13, 13, 13). Those numbers
/// are kept so results compare one to one with SCALE-Sim. There are no groups (SCALE-Sim has no grouped
/// convolution), so Conv2/4/5 are dense. The net effect is 0.86 G MACs against the paper's 0.72 G (two GPU
/// groups, padded). FC6 keeps the paper's 9216 = 6*6*256 inputs.
/// </remarks>
internal static class AlexNet
{
    public static readonly CatalogEntry Entry = new(
        "alexnet",
        [],
        "AlexNet, SCALE-Sim convention: 5 unpadded dense convolutions (ifmaps as in SCALE-Sim's alexnet.csv) "
        + "and FC6-FC8 as 1x1 convolutions; 8 layers, 0.86 G MACs (paper: 0.72 G with groups and padding).",
        "Krizhevsky, Sutskever, Hinton, \"ImageNet Classification with Deep Convolutional Neural Networks\", "
        + "NeurIPS 2012; layer sizes from SCALE-Sim v2 topologies/conv_nets/alexnet.csv.",
        []);

    public static Topology Build() => Freeze(Entry.Name,
    [
        //       name     ifmap H, W  filter H, W  channels  filters  stride H, W
        new Layer("Conv1", 224, 224, 11, 11, 3, 96, 4, 4),
        new Layer("Conv2", 27, 27, 5, 5, 96, 256, 1, 1),
        new Layer("Conv3", 13, 13, 3, 3, 256, 384, 1, 1),
        new Layer("Conv4", 13, 13, 3, 3, 384, 384, 1, 1),
        new Layer("Conv5", 13, 13, 3, 3, 384, 256, 1, 1),
        FullyConnected("FC6", 9216, 4096),
        FullyConnected("FC7", 4096, 4096),
        FullyConnected("FC8", 4096, 1000),
    ]);
}
