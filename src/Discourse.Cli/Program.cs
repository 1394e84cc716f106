using System.CommandLine;
using Discourse.Cli;

// The composition root: every stage is wired here and nowhere else.
var root = new RootCommand("Discourse: how states and their media talk about cyber-sovereignty, month by month.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
