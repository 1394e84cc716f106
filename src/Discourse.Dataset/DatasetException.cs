namespace Discourse.Dataset;

/// <summary>The dataset could not be written or read: the message says what and where, <see cref="Fix"/> how to fix it.</summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatasetException(string message, string fix, Exception? innerException = null)
        : base($"{message} Fix: {fix}", innerException)
    {
        Problem = message;
        Fix = fix;
    }

    /// <summary>What went wrong and where.</summary>
    public string Problem { get; }

    /// <summary>How to fix it.</summary>
    public string Fix { get; }
}
