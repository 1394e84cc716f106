using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Discourse.Text.Tests.Dates;

/// <summary>
/// The text of a saved HTML page for date finding: markup is dropped but attribute values are kept (pages put their
/// publication date in &lt;meta content&gt;, &lt;time datetime&gt; and JSON-LD), entities are decoded.
/// </summary>
internal static partial class HtmlPageText
{
    public static string Read(string path)
    {
        var html = File.ReadAllText(path, Encoding.UTF8);
        var withoutScriptsNames = TagName().Replace(html, " ");
        return WebUtility.HtmlDecode(Markup().Replace(withoutScriptsNames, " "));
    }

    // "<tag " and "</tag>" become spaces, so attribute values stay as text between them.
    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9:-]*", RegexOptions.CultureInvariant)]
    private static partial Regex TagName();

    [GeneratedRegex(@"[<>=""]", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();
}
