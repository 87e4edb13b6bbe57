using ArchGym.Experiments.Cli;
using ArchGym.Experiments.Config;
using ArchGym.Experiments.Runner;
using ArchGym.Proxies.Models;

namespace ArchGym.Proxies.Tests.Cli;

public class ProxyConfigTests
{
    [Test]
    public void EnvProxyTakesOneFileOrAListAndTrustSettings()
    {
        var one = ExperimentConfigLoader.Parse("env: { id: x, proxy: m.json }\nagent: { name: a }\nbudget: 1\n", "e.yaml");
        var many = ExperimentConfigLoader.Parse(
            "env:\n  id: x\n  proxy: [a.json, b.json]\n  proxy_trust: { max_relative_std: 0.05, retrain_every: 4 }\nagent: { name: a }\nbudget: 1\n", "e.yaml");
        var none = ExperimentConfigLoader.Parse("env: { id: x }\nagent: { name: a }\nbudget: 1\n", "e.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(one.Environment.Proxy, Is.EqualTo(new[] { "m.json" }));
            Assert.That(many.Environment.Proxy, Is.EqualTo(new[] { "a.json", "b.json" }));
            Assert.That(many.Environment.ProxyTrust, Is.EqualTo(new ProxyTrustSection(0.05, 4)));
            Assert.That(none.Environment.Proxy, Is.Null);
            Assert.That(() => ExperimentConfigLoader.Parse("env: { id: x, proxy: m.json, proxy_trust: { max_relative_std: 0 } }\nagent: { name: a }\nbudget: 1\n", "e.yaml"),
                Throws.TypeOf<UserInputException>().With.Message.Contains("e.yaml:1: env.proxy_trust.max_relative_std"));
            Assert.That(() => ExperimentConfigLoader.Parse("env: { id: x, proxy: m.json, proxy_trust: { every: 3, max_relative_std: 1 } }\nagent: { name: a }\nbudget: 1\n", "e.yaml"),
                Throws.TypeOf<UserInputException>().With.Message.Contains("env.proxy_trust.every: unknown key; allowed: max_relative_std, retrain_every"));
        });
    }

    public static IEnumerable<string> StudyFiles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArchGym.sln"))) dir = dir.Parent;
        return Directory.GetFiles(Path.Combine(dir!.FullName, "Experiments", "configs"), "proxy-*.yaml").Order();
    }

    [TestCaseSource(nameof(StudyFiles))]
    public void ReadyStudyFilesParse(string path)
    {
        var config = ProxyStudyConfigLoader.Load(path);
        var registries = DefaultRegistries.Create();
        Assert.Multiple(() =>
        {
            Assert.That(config.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(path)));
            Assert.That(config.Models.Select(m => m.Kind), Is.EquivalentTo(ProxyLearners.Kinds), "every model kind is studied");
            Assert.That(config.Collect.Select(c => c.Agent), Does.Contain("random_walk"), "ArchGym collected with a random walk");
            Assert.That(config.Collect.All(c => registries.Agents.Contains(c.Agent)), Is.True);
            Assert.That(config.Search, Is.Not.Null);
            foreach (var m in config.Models) Assert.That(() => ProxyLearners.Create(m.Kind, m.HyperParameters), Throws.Nothing);
        });
    }
}
