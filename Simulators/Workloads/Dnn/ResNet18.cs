using static ArchGym.Simulators.Workloads.Dnn.CatalogLayers;

namespace ArchGym.Simulators.Workloads.Dnn;

/// <summary>
/// ResNet-18 (He et al. 2016, Table 1) on a 224 x 224 ImageNet image, padding folded into the ifmaps so every
/// ofmap has the published size: conv1 112, conv2_x 56, conv3_x 28, conv4_x 14, conv5_x 7.
/// </summary>
/// <remarks>
/// conv1 7x7/2 pad 3 (padded 230, of which the windows touch 229); the 3x3/2 max pool (112 -> 56) and the global average pool are not array
/// work and are omitted. Four stages of two basic blocks (two 3x3 pad-1 convolutions, ifmap size + 2); the
/// first block of stages 3-5 has stride 2 on its first 3x3 and a 1x1/2 projection shortcut (<c>ConvN_s</c>,
/// unpadded, listed after the block's 3x3s). FC 512 -> 1000 is a 1x1 convolution. 21 layers, 1.81 G MACs.
/// </remarks>
internal static class ResNet18
{
    public static readonly CatalogEntry Entry = new(
        "resnet18",
        ["resnet-18", "resnet_18"],
        "ResNet-18, 224x224, padding folded into ifmaps: conv1 7x7/2, 4 stages x 2 basic blocks (3x3 convs), "
        + "1x1/2 projection shortcuts at stages 3-5, FC 512->1000; pools omitted; 21 layers, 1.81 G MACs.",
        "He, Zhang, Ren, Sun, \"Deep Residual Learning for Image Recognition\", CVPR 2016, Table 1.",
        []);

    // (stage number, output channels, stride of the stage's first block)
    private static readonly (int Stage, int Width, int Stride)[] Stages = [(2, 64, 1), (3, 128, 2), (4, 256, 2), (5, 512, 2)];

    private const int BlocksPerStage = 2;

    public static Topology Build()
    {
        var layers = new List<Layer> { Conv("Conv1", 224, 7, 3, 64, 2, 3) };   // -> 112
        int size = 56;                                                       // after the omitted max pool
        int channels = 64;
        foreach (var (stage, width, stageStride) in Stages)
        {
            for (int block = 1; block <= BlocksPerStage; block++)
            {
                int stride = block == 1 ? stageStride : 1;
                int outSize = (size - 1) / stride + 1;                      // 3x3 pad 1 or 1x1 pad 0
                layers.Add(Conv($"Conv{stage}_{block}a", size, 3, channels, width, stride, 1));
                layers.Add(Conv($"Conv{stage}_{block}b", outSize, 3, width, width, 1, 1));
                if (stride != 1 || channels != width)
                    layers.Add(Conv($"Conv{stage}_s", size, 1, channels, width, stride, 0));
                size = outSize;
                channels = width;
            }
        }
        layers.Add(FullyConnected("FC", 512, 1000));
        return Freeze(Entry.Name, layers);
    }
}
