using Discourse.Core.Documents;
using Discourse.Testing;

namespace Discourse.Dataset.Tests;

public sealed class DatasetLockTests : IDisposable
{
    private static readonly RunId Run = RunId.Parse("20241122T074000Z-0001");
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_lock_is_exclusive_until_released_and_notes_its_holder()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 11, 22, 7, 40, 0, TimeSpan.Zero));
        using (var held = DatasetLock.Acquire(_dir.File("out"), Run, clock))
        {
            Assert.Throws<DatasetException>(() => DatasetLock.Acquire(_dir.File("out"), Run, clock));
        }

        using var again = DatasetLock.Acquire(_dir.File("out"), Run, clock);
        Assert.Equal(_dir.File("out/.discourse.lock"), again.FilePath);
    }

    [Fact]
    public void A_lock_file_left_by_a_killed_run_does_not_block()
    {
        Directory.CreateDirectory(_dir.File("out"));
        File.WriteAllText(_dir.File("out/.discourse.lock"), "run 20200101T000000Z-dead, process 1\n");

        using (DatasetLock.Acquire(_dir.File("out"), Run, TimeProvider.System))
        {
            // Acquired: the stale file did not block.
        }

        Assert.Contains(Run.Value, File.ReadAllText(_dir.File("out/.discourse.lock")), StringComparison.Ordinal);
    }
}
