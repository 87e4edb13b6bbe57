namespace ArchGym.Experiments.Reports.Svg;

/// <summary>Series colours (Okabe-Ito, readable by colour-blind readers), cycling after eight.</summary>
public static class Palette
{
    private static readonly string[] Colours = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

    public static string Colour(int index) => Colours[index % Colours.Length];
}
