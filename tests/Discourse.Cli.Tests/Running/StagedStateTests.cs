using Discourse.Cli.Running;
using Discourse.Testing;

namespace Discourse.Cli.Tests.Running;

public sealed class StagedStateTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void WriteState(string root, string content)
    {
        Directory.CreateDirectory(Path.Combine(root, "_state"));
        File.WriteAllText(Path.Combine(root, "_state", "ingestion.sqlite"), content);
    }

    private string ReadState() => File.ReadAllText(_dir.File("_state/ingestion.sqlite"));

    [Fact]
    public void Promote_replaces_the_state_with_what_the_run_wrote()
    {
        WriteState(_dir.Path, "before");

        var staged = StagedState.Begin(_dir.Path, "20241122T074000Z-0001");
        Assert.Equal(["_state"], staged.CopiedEntries);
        Assert.Equal("before", File.ReadAllText(Path.Combine(staged.Directory, "_state", "ingestion.sqlite")));
        WriteState(staged.Directory, "after");
        staged.Promote();

        Assert.Equal("after", ReadState());
        Assert.False(Directory.Exists(staged.Directory));
    }

    [Fact]
    public void Discard_keeps_the_state_as_it_was_before_the_run()
    {
        WriteState(_dir.Path, "before");

        var staged = StagedState.Begin(_dir.Path, "20241122T074000Z-0001");
        WriteState(staged.Directory, "after a failed run");
        staged.Discard();

        Assert.Equal("before", ReadState());
        Assert.False(Directory.Exists(staged.Directory));
    }

    [Fact]
    public void A_first_run_promotes_new_state_and_stale_staging_folders_are_removed()
    {
        Directory.CreateDirectory(_dir.File(".staging-20200101T000000Z-dead/_state"));

        var staged = StagedState.Begin(_dir.Path, "20241122T074000Z-0001");
        WriteState(staged.Directory, "first");
        staged.Promote();

        Assert.Equal("first", ReadState());
        Assert.Empty(Directory.EnumerateDirectories(_dir.Path, ".staging-*"));
    }
}
