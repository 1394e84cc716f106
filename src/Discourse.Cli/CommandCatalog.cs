using System.CommandLine;
using Discourse.Cli.Commands;

namespace Discourse.Cli;

/// <summary>The top-level commands of <c>discourse</c>; each stage's commands live in <c>Commands/</c>.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        ConfigCommands.Create(),
        RunCommand.Create(),
        TextCommands.Create(),
        DatasetCommands.Create(),
        ExtractCommands.Create(),
        .. ClassificationCommands.Create(),
    ];
}
