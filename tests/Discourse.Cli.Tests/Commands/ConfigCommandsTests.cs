using Discourse.Cli.Commands;
using Discourse.Testing;

namespace Discourse.Cli.Tests.Commands;

public sealed class ConfigCommandsTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Check_of_the_repository_pipeline_yaml_succeeds_and_lists_the_sources()
    {
        var result = await CliProcess.RunAsync(ReferenceData.RepositoryRoot, "config", "check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("pipeline.yaml: OK", result.Output, StringComparison.Ordinal);
        foreach (var id in new[] { "mid-press", "kremlin-transcripts", "newswire-agency", "policy-institute" })
        {
            Assert.Contains($"- {id} (files: ", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Check_of_a_malformed_file_prints_every_error_with_its_position_and_exits_2()
    {
        File.WriteAllText(_dir.File("bad.yaml"), "run:\n  codec: lz4\nsources:\n  - id: a\n    type: files\n    name: A\n    actor: RU\n    kind: official\n    paths: [x]\n    colour: blue\n");

        var result = await CliProcess.RunAsync(_dir.Path, "config", "check", "--config", "bad.yaml");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("bad.yaml:2:10: error: 'codec' in 'run' is 'lz4'", result.Errors, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:10:5: error: Unknown key 'colour' in source 'a'", result.Errors, StringComparison.Ordinal);
        Assert.Contains("2 error(s)", result.Errors, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Check_reports_a_missing_file_and_a_missing_model_in_process()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        Assert.Equal(ExitCodes.BadUsageOrConfig, ConfigCommands.Check(_dir.File("absent.yaml"), output, errors));
        Assert.Contains("does not exist", errors.ToString(), StringComparison.Ordinal);

        File.WriteAllText(_dir.File("p.yaml"), "model: m.model\nsources:\n  - id: a\n    type: files\n    name: A\n    actor: RU\n    kind: official\n    paths: [x]\n");
        Assert.Equal(ExitCodes.Success, ConfigCommands.Check(_dir.File("p.yaml"), output, errors));
        Assert.Contains("the file does not exist yet", output.ToString(), StringComparison.Ordinal);
    }
}
