using BenchmarkDotNet.Running;
using Discourse.Benchmarks;

// Plain benchmark commands (one JSON line each, for comparing with peers in the same run) come first;
// anything else goes to BenchmarkDotNet's switcher (e.g. `-- --filter '*Tokenizer*'`).
if (args.Length > 0 && PlainBenchmarkCatalog.TryGet(args[0], out var plain))
{
    return await plain(args[1..]).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(PlainBenchmarkCatalog).Assembly).Run(args);
return 0;
