using System.IO.Compression;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>The three trace formats, gzip and the generators.</summary>
[TestFixture]
public class TraceTests
{
    [Test]
    public void DramSysAndDramSim3Files_ParseTheSameRequests()
    {
        foreach (var name in new[] { "random_read_paced8", "stream_read_sat", "row_interleave_sat" })
        {
            var stl = new TraceFile(DramReference.PathOf("traces", name + ".stl.gz")).Read().ToList();
            var ds3 = new TraceFile(DramReference.PathOf("traces", name + ".dramsim3.trc.gz")).Read().ToList();
            Assert.That(ds3, Is.EqualTo(stl), name);
            Assert.That(stl, Has.Count.EqualTo(20_000));
        }
    }

    [TestCase("12:\tread\t0x40", 12L, 0x40UL, false, 0)]
    [TestCase("12:\twrite\t0x80\t0x0011223344", 12L, 0x80UL, true, 0)]
    [TestCase("7:\t(32)\tread\t0xC0", 7L, 0xC0UL, false, 32)]
    [TestCase("0x1F40 WRITE 99", 99L, 0x1F40UL, true, 0)]
    [TestCase("0x40 W", 5L, 0x40UL, true, 0)]
    [TestCase("1F40 R", 5L, 0x1F40UL, false, 0)]
    [TestCase("LD 0x80", 5L, 0x80UL, false, 0)]
    [TestCase("ST 4096", 5L, 4096UL, true, 0)]
    public void EachFormat_ParsesItsLines(string line, long cycle, ulong address, bool write, int bytes) =>
        Assert.That(TraceLineParser.Parse(line, TraceFormat.Auto, 5, "t:1"), Is.EqualTo(new TraceRequest(cycle, address, write, bytes)));

    [Test]
    public void GzipIsRecognisedByContent_NotByName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zipped-{Guid.NewGuid():N}.trace");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var w = new StreamWriter(gz)) { w.Write("0:\tread\t0x0\n1:\twrite\t0x40"); }
        try { Assert.That(new TraceFile(path).Read(), Is.EqualTo(new[] { new TraceRequest(0, 0, false), new TraceRequest(1, 0x40, true) })); }
        finally { File.Delete(path); }
    }

    [Test]
    public void LongLinesAndCrlf_AreHandled()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crlf-{Guid.NewGuid():N}.stl");
        File.WriteAllText(path, "0:\twrite\t0x40\t0x" + new string('a', 200_000) + "\r\n3:\tread\t0x80\r\n");
        try { Assert.That(new TraceFile(path).Read().Select(r => r.Cycle), Is.EqualTo(new[] { 0L, 3L })); }
        finally { File.Delete(path); }
    }

    [Test]
    public void ArchGymGenerators_HaveTheShapeOfArchGymsTraces()
    {
        var stream = TraceGenerators.ArchGym("stream").Read().ToList();
        Assert.That(stream, Is.EqualTo(ArchGymTraceFiles.Get("stream").Read()), "the stream is deterministic");
        foreach (var name in new[] { "cloud-1", "cloud-2" })
        {
            var ours = TraceGenerators.ArchGym(name, seed: 1).Read().ToList();
            var theirs = ArchGymTraceFiles.Get(name).Read().ToList();
            Assert.That(ours.Select(r => r.Cycle), Is.EqualTo(theirs.Select(r => r.Cycle)), "one request per cycle");
            Assert.That(Blocks(ours).First(), Is.EqualTo(Blocks(theirs).First()), "first block sequential for cloud-1, random for cloud-2");
            Assert.That(Blocks(ours).Count(b => b), Is.InRange(70, 130), "about half the 200 blocks sequential");
            Assert.That(Blocks(theirs).Count(b => b), Is.InRange(70, 130));
        }
        var random = TraceGenerators.ArchGym("random", seed: 5).Read().ToList();
        Assert.That(random.All(r => r.Address % 64 == 0 && r.Address < 1UL << 30 && !r.IsWrite));
        Assert.That(TraceGenerators.ArchGym("random", seed: 5).Read(), Is.EqualTo(random), "seeded");
        Assert.That(TraceGenerators.ArchGym("random", seed: 6).Read(), Is.Not.EqualTo(random));
        Assert.That(TraceGenerators.ArchGym("cloud-2", seed: 5).Read().Take(50).Select(r => r.Address), Is.EqualTo(random.Take(50).Select(r => r.Address)),
            "cloud-2's random blocks continue the random workload's sequence, as in ArchGym's files");
    }

    // True for each 50-request block that walks consecutive lines.
    private static IEnumerable<bool> Blocks(IReadOnlyList<TraceRequest> t) =>
        Enumerable.Range(0, t.Count / 50).Select(b => Enumerable.Range(b * 50, 49).All(i => t[i + 1].Address == t[i].Address + 64));

    [Test]
    public void OtherGenerators_AreSeededAndShaped()
    {
        var conflict = TraceGenerators.StridedRowConflict(12, 4, 1UL << 17, 0).Read().Select(r => r.Address).ToList();
        Assert.That(conflict.Take(5), Is.EqualTo(new ulong[] { 0, 0x20000, 0x40000, 0x60000, 0x40 }), "the reference's row_interleave");
        Assert.That(TraceGenerators.StridedRowConflict(12, 4, 1UL << 17, 0, seed: 3).Read().First().Address, Is.Not.Zero);
        var mixed = TraceGenerators.MixedReadWrite(10_000, 1UL << 30, 0.3, 2, seed: 4).Read().ToList();
        Assert.That(mixed.Count(r => r.IsWrite) / 10_000.0, Is.EqualTo(0.3).Within(0.02));
        Assert.That(mixed.Select(r => r.Cycle).Take(3), Is.EqualTo(new long[] { 0, 2, 4 }));
        var banks = TraceGenerators.BankParallel(32, 16, 13, 1).Read().Select(r => (r.Address >> 13) & 15).ToList();
        Assert.That(banks.Take(16), Is.EqualTo(Enumerable.Range(0, 16).Select(i => (ulong)i)));
    }
}
