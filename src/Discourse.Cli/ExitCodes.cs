namespace Discourse.Cli;

/// <summary>The exit codes of every <c>discourse</c> command (documented in docs/foundation.md).</summary>
internal static class ExitCodes
{
    /// <summary>The work was done.</summary>
    public const int Success = 0;

    /// <summary>The work failed: a source could not be read to the end, the dataset could not be written, a file is corrupt.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or configuration: unknown option, invalid pipeline.yaml, missing model or input.</summary>
    public const int BadUsageOrConfig = 2;
}
