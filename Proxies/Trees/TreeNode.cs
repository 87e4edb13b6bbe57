using System.Runtime.InteropServices;

namespace ArchGym.Proxies.Trees;

/// <summary>
/// One node of a regression tree, 16 bytes, stored in a flat array (prediction is bound by memory
/// traffic, so nodes are small): an internal node sends x to <see cref="Left"/> when
/// x[<see cref="Feature"/>] ≤ <see cref="Value"/> (its threshold), else to Left + 1 (children are
/// allocated as a pair); a leaf has Feature −1 and predicts <see cref="Value"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct TreeNode
{
    public int Feature;
    public int Left;
    public double Value;

    public readonly bool IsLeaf => Feature < 0;

    public static TreeNode Leaf(double value) => new() { Feature = -1, Left = -1, Value = value };

    public static TreeNode Split(int feature, int left, double threshold) => new() { Feature = feature, Left = left, Value = threshold };
}
