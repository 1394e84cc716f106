namespace Discourse.Ingestion.Extraction;

/// <summary>
/// A compact copy of one element of the parsed page: only what main-text selection needs. Scoring runs on this
/// tree instead of the AngleSharp DOM so that every statistic is computed once, in one pass, in linear time.
/// </summary>
internal sealed class PageNode
{
    public PageNode(string tag, PageNode? parent, string classAndId)
    {
        Tag = tag;
        Parent = parent;
        ClassAndId = classAndId;
        Kind = TagKinds.Of(tag);
    }

    /// <summary>Lower-case element name.</summary>
    public string Tag { get; }

    public TagKind Kind { get; }

    public PageNode? Parent { get; }

    /// <summary>Lower-case <c>class</c> and <c>id</c> joined by a space (empty when neither is set).</summary>
    public string ClassAndId { get; }

    /// <summary>Children in document order: <see cref="PageNode"/> elements or <see cref="string"/> text / line breaks.</summary>
    public List<object> Children { get; } = [];

    /// <summary>Readability-style class weight: +25 for content-like names, -25 for boilerplate-like names.</summary>
    public int ClassWeight { get; set; }

    /// <summary>Dropped on the first attempt (navigation-like names or elements); kept when a retry needs more text.</summary>
    public bool Unlikely { get; set; }

    /// <summary>True for elements that contain block-level elements (so they are containers, not paragraphs).</summary>
    public bool HasBlockChild { get; set; }

    /// <summary>Acts as a block: a block-level tag, or an inline tag wrapping blocks.</summary>
    public bool IsBlock => Kind is TagKind.Block or TagKind.Heading or TagKind.List or TagKind.ListItem or TagKind.Table or TagKind.Cell || HasBlockChild;

    // Per-attempt statistics over the included subtree.
    public int TextLength;
    public int LinkLength;
    public int Commas;
    public int ParagraphCount;
    public int ImageCount;
    public int ListItemCount;
    public int InputCount;
    public int EmbedCount;
    public int HeadingLength;
    public int ListTextLength;

    public double Score;
    public bool Scored;

    /// <summary>Removed by conditional cleaning on the current attempt.</summary>
    public bool Cleaned;

    /// <summary>Pre-order index and the index one past the last descendant, for O(1) ancestry tests.</summary>
    public int Order;
    public int End;

    public bool Contains(PageNode other) => other.Order >= Order && other.Order < End;

    public double LinkDensity => TextLength == 0 ? 0 : (double)LinkLength / TextLength;

    public void ResetStats()
    {
        TextLength = LinkLength = Commas = ParagraphCount = ImageCount = ListItemCount = InputCount = EmbedCount = 0;
        HeadingLength = ListTextLength = 0;
        Score = 0;
        Scored = false;
        Cleaned = false;
    }

    public override string ToString() => ClassAndId.Length == 0 ? Tag : $"{Tag}[{ClassAndId}]";
}

/// <summary>What an element means for text layout and scoring.</summary>
internal enum TagKind
{
    Inline,
    Block,
    Heading,
    List,
    ListItem,
    Table,
    Cell,
    Image,
    Embed,
    Input,
    LineBreak,
}

internal static class TagKinds
{
    private static readonly Dictionary<string, TagKind> Kinds = new(StringComparer.Ordinal)
    {
        ["address"] = TagKind.Block, ["article"] = TagKind.Block, ["aside"] = TagKind.Block,
        ["blockquote"] = TagKind.Block, ["body"] = TagKind.Block, ["center"] = TagKind.Block,
        ["details"] = TagKind.Block, ["dialog"] = TagKind.Block, ["div"] = TagKind.Block,
        ["dl"] = TagKind.List, ["dt"] = TagKind.ListItem, ["dd"] = TagKind.ListItem,
        ["fieldset"] = TagKind.Block, ["figcaption"] = TagKind.Block, ["figure"] = TagKind.Block,
        ["footer"] = TagKind.Block, ["form"] = TagKind.Block, ["header"] = TagKind.Block,
        ["hgroup"] = TagKind.Block, ["hr"] = TagKind.Block, ["html"] = TagKind.Block, ["main"] = TagKind.Block,
        ["menu"] = TagKind.List, ["nav"] = TagKind.Block, ["ol"] = TagKind.List, ["ul"] = TagKind.List,
        ["li"] = TagKind.ListItem, ["p"] = TagKind.Block, ["pre"] = TagKind.Block, ["section"] = TagKind.Block,
        ["summary"] = TagKind.Block, ["table"] = TagKind.Table, ["tbody"] = TagKind.Table, ["thead"] = TagKind.Table,
        ["tfoot"] = TagKind.Table, ["tr"] = TagKind.Table, ["td"] = TagKind.Cell, ["th"] = TagKind.Cell,
        ["caption"] = TagKind.Block, ["legend"] = TagKind.Block,
        ["h1"] = TagKind.Heading, ["h2"] = TagKind.Heading, ["h3"] = TagKind.Heading, ["h4"] = TagKind.Heading,
        ["h5"] = TagKind.Heading, ["h6"] = TagKind.Heading,
        ["img"] = TagKind.Image, ["picture"] = TagKind.Image,
        ["iframe"] = TagKind.Embed, ["object"] = TagKind.Embed, ["embed"] = TagKind.Embed, ["video"] = TagKind.Embed,
        ["audio"] = TagKind.Embed,
        ["input"] = TagKind.Input, ["select"] = TagKind.Input, ["textarea"] = TagKind.Input, ["button"] = TagKind.Input,
        ["br"] = TagKind.LineBreak,
    };

    public static TagKind Of(string tag) => Kinds.GetValueOrDefault(tag, TagKind.Inline);
}
