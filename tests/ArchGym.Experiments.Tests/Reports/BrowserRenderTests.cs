using System.Diagnostics;
using ArchGym.Experiments.Reports.Html;
using ArchGym.Experiments.Tests.Cli;

namespace ArchGym.Experiments.Tests.Reports;

/// <summary>
/// Opens a report in a real browser (headless Chromium) and checks the screenshot shows it: the
/// right size, not blank, and the first chart's series colour drawn. Skipped, with a message, where
/// Chromium is not installed (CI installs it: apt-get install -y chromium).
/// </summary>
public class BrowserRenderTests
{
    private const int Width = 1200, Height = 900;

    private static string? FindChromium() =>
        new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    [Test]
    public void HeadlessChromiumRendersTheReport()
    {
        var chromium = FindChromium();
        if (chromium is null) Assert.Ignore("chromium is not installed (apt-get install -y chromium); the browser rendering test is skipped");

        var root = ArchGymProcess.TempDir();
        try
        {
            var report = Path.Combine(root, "report.html");
            File.WriteAllText(report, HtmlReport.Build(ReportFixtures.SystolicSweep(root), new ReportOptions()));
            var png = Path.Combine(root, "screenshot.png");
            var psi = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", $"--user-data-dir={Path.Combine(root, "profile")}", $"--screenshot={png}",
                         $"--window-size={Width},{Height}", new Uri(report).AbsoluteUri,
                     })
                psi.ArgumentList.Add(a);
            using (var p = Process.Start(psi)!)
            {
                var stderr = p.StandardError.ReadToEndAsync();
                _ = p.StandardOutput.ReadToEndAsync();
                if (!p.WaitForExit(120_000))
                {
                    p.Kill(entireProcessTree: true);
                    Assert.Fail("chromium did not finish in 120 s");
                }

                Assert.That(File.Exists(png), Is.True, $"chromium wrote no screenshot: {stderr.Result}");
            }

            var image = PngImage.Decode(File.ReadAllBytes(png));
            var pixels = Enumerable.Range(0, image.Height).SelectMany(y => Enumerable.Range(0, image.Width).Select(x => image.Pixel(x, y))).ToArray();
            var nonWhite = pixels.Count(p => p.R < 240 || p.G < 240 || p.B < 240) / (double)pixels.Length;
            Assert.Multiple(() =>
            {
                Assert.That((image.Width, image.Height), Is.EqualTo((Width, Height)));
                Assert.That(nonWhite, Is.GreaterThan(0.02), "text, tables and charts cover more than 2 % of the page");
                Assert.That(pixels.Distinct().Count(), Is.GreaterThan(50), "anti-aliased text and coloured marks, not a flat page");
                Assert.That(pixels.Any(p => Near(p, (0x00, 0x72, 0xB2))), Is.True, "the first series colour (#0072B2) is drawn: the SVG rendered");
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static bool Near((byte R, byte G, byte B) p, (int R, int G, int B) c) =>
        Math.Abs(p.R - c.R) < 12 && Math.Abs(p.G - c.G) < 12 && Math.Abs(p.B - c.B) < 12;
}
