using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Discourse.Ingestion.Extraction;

/// <summary>Parses HTML with AngleSharp (no scripting, no styles) and copies it into a <see cref="PageNode"/> tree.</summary>
internal static class PageTreeBuilder
{
    private static readonly HtmlParserOptions Options = new()
    {
        IsScripting = false,
        IsNotSupportingFrames = true,
        SkipComments = true,
        SkipRawText = true,
        SkipProcessingInstructions = true,
        SkipCDATA = true,
        DisableElementPositionTracking = true,
        ShouldEmitAttribute = (ref _, name) => IsReadAttribute(name.Span),
    };

    [ThreadStatic]
    private static HtmlParser? parser;

    /// <summary>Longest raw text of an element read as a date or byline hint; larger elements are containers.</summary>
    private const int MaxHintLength = 400;

    private static readonly HashSet<string> SkippedTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "canvas", "head", "link", "meta", "title",
        "option", "optgroup", "datalist", "map", "area", "noembed", "noframes", "param", "source", "track", "base",
    };

    /// <summary>Only attributes the extractor reads become DOM attributes: fewer allocations while parsing.</summary>
    private static bool IsReadAttribute(ReadOnlySpan<char> name) => name.Length switch
    {
        2 => name.SequenceEqual("id"),
        3 => name.SequenceEqual("rel"),
        4 => name.SequenceEqual("href") || name.SequenceEqual("lang") || name.SequenceEqual("name") || name.SequenceEqual("role") || name.SequenceEqual("type"),
        5 => name.SequenceEqual("class") || name.SequenceEqual("style"),
        6 => name.SequenceEqual("hidden"),
        7 => name.SequenceEqual("content") || name.SequenceEqual("charset") || name.SequenceEqual("pubdate"),
        8 => name.SequenceEqual("itemprop") || name.SequenceEqual("datetime") || name.SequenceEqual("property") || name.SequenceEqual("xml:lang"),
        10 => name.SequenceEqual("http-equiv"),
        _ => false,
    };

    public static (PageNode Root, PageFacts Facts) Build(string html)
    {
        parser ??= new HtmlParser(Options);
        var document = parser.ParseDocument(html);
        var facts = new PageFacts();
        var root = new PageNode("html", null, string.Empty);
        var walker = new Walker(facts);
        if (document.DocumentElement is { } htmlElement)
        {
            facts.HtmlLang = htmlElement.GetAttribute("lang") ?? htmlElement.GetAttribute("xml:lang");
            walker.Walk(htmlElement, root, inUnlikely: false);
        }

        return (root, facts);
    }

    private sealed class Walker(PageFacts facts)
    {
        private int _order;

        /// <summary>Copies the children of <paramref name="element"/> into <paramref name="node"/>; returns the raw text length below.</summary>
        public int Walk(IElement element, PageNode node, bool inUnlikely)
        {
            var rawLength = 0;
            foreach (var child in element.ChildNodes)
            {
                if (child is IText text)
                {
                    node.Children.Add(text.Data);
                    rawLength += text.Data.Length;
                    continue;
                }

                if (child is not IElement childElement)
                {
                    continue;
                }

                var tag = childElement.LocalName;
                if (SkippedTags.Contains(tag))
                {
                    Collect(childElement, tag);
                    continue;
                }

                if (IsHidden(childElement))
                {
                    continue;
                }

                var classAttribute = childElement.GetAttribute("class");
                var idAttribute = childElement.Id;
                var classAndId = classAttribute is null && idAttribute is null
                    ? string.Empty
                    : string.Concat(classAttribute, " ", idAttribute).ToLowerInvariant();
                if (classAndId.Length > 0 && tag is not ("body" or "html") && ClassNames.IsOverlay(classAndId))
                {
                    continue;
                }
                var childNode = new PageNode(tag, node, classAndId);
                if (classAndId.Length > 0)
                {
                    childNode.ClassWeight = ClassNames.Weight(classAttribute) + ClassNames.Weight(idAttribute);
                    childNode.Unlikely = tag is not ("body" or "a" or "article" or "main") && ClassNames.IsUnlikely(classAndId);
                }

                var role = childElement.GetAttribute("role");
                if (role is "navigation" or "menu" or "menubar" or "complementary" or "alert" or "alertdialog" or "dialog" or "contentinfo" or "banner"
                    || tag is "nav" or "aside" or "footer" or "header")
                {
                    childNode.Unlikely = true;
                }

                node.Children.Add(childNode);
                // For metadata, page and article headers are fine (they carry the date and byline); menus, sidebars,
                // footers and comment threads are not.
                var childUnlikely = inUnlikely || (childNode.Unlikely && tag != "header" && !classAndId.Contains("header", StringComparison.Ordinal));
                var order = ++_order;
                var described = CollectInline(childElement, tag, classAndId, childUnlikely, order);
                if (childNode.Kind is TagKind.Image or TagKind.Embed or TagKind.Input or TagKind.LineBreak)
                {
                    continue;
                }

                var childLength = Walk(childElement, childNode, childUnlikely);
                rawLength += childLength;
                if (!described && classAndId.Length > 0 && childLength < MaxHintLength)
                {
                    CollectNamed(childElement, childNode, tag, classAndId, childUnlikely, order);
                }

                if (childNode.IsBlock || childNode.HasBlockChild)
                {
                    node.HasBlockChild = true;
                }
            }

            return rawLength;
        }

        private static bool IsHidden(IElement element)
        {
            if (element.HasAttribute("hidden"))
            {
                return true;
            }

            var style = element.GetAttribute("style");
            if (style is not null && style.Length >= 12 &&
                (ContainsCompact(style, "display:none") || ContainsCompact(style, "visibility:hidden")))
            {
                return true;
            }

            return false;
        }

        /// <summary>Whether <paramref name="style"/> contains <paramref name="declaration"/> ignoring spaces and case.</summary>
        private static bool ContainsCompact(string style, string declaration)
        {
            var matched = 0;
            foreach (var c in style)
            {
                if (c == ' ')
                {
                    continue;
                }

                matched = char.ToLowerInvariant(c) == declaration[matched] ? matched + 1 : (char.ToLowerInvariant(c) == declaration[0] ? 1 : 0);
                if (matched == declaration.Length)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Metadata from elements that are not part of the visible text.</summary>
        private void Collect(IElement element, string tag)
        {
            switch (tag)
            {
                case "head":
                case "noscript" when element.ParentElement?.LocalName == "head":
                    foreach (var child in element.Children)
                    {
                        Collect(child, child.LocalName);
                    }

                    break;
                case "title":
                    facts.DocumentTitle ??= TextOf(element);
                    break;
                case "meta":
                    var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
                    var content = element.GetAttribute("content");
                    if (key is not null && content is not null)
                    {
                        facts.Meta.Add((key.Trim().ToLowerInvariant(), content));
                    }

                    break;
                case "link":
                    var rel = element.GetAttribute("rel");
                    if (rel is not null && rel.Equals("canonical", StringComparison.OrdinalIgnoreCase))
                    {
                        facts.CanonicalHref ??= element.GetAttribute("href");
                    }

                    break;
                case "base":
                    facts.BaseHref ??= element.GetAttribute("href");
                    break;
                case "script":
                    var type = element.GetAttribute("type");
                    if (type is not null && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                    {
                        facts.JsonLd.Add(element.TextContent);
                    }

                    break;
                default:
                    break;
            }
        }

        /// <summary>Metadata from visible elements: links, headings, times, itemprops. Returns true when the element was a date or author.</summary>
        private bool CollectInline(IElement element, string tag, string classAndId, bool inUnlikely, int order)
        {
            switch (tag)
            {
                case "a":
                    var href = element.GetAttribute("href");
                    if (!string.IsNullOrWhiteSpace(href))
                    {
                        facts.Hrefs.Add(href);
                    }

                    if (element.GetAttribute("rel") is { } rel && rel.Contains("author", StringComparison.OrdinalIgnoreCase))
                    {
                        facts.AuthorHints.Add(TextOf(element));
                        return true;
                    }

                    break;
                case "h1":
                    facts.Headings.Add((TextOf(element), inUnlikely));
                    break;
                case "time":
                    var datetime = element.GetAttribute("datetime");
                    var timeItemprop = element.GetAttribute("itemprop");
                    var modified = IsModifiedName(classAndId) || IsModifiedName(timeItemprop);
                    var strength = !modified && (element.HasAttribute("pubdate") || IsPublishName(classAndId) || IsPublishName(timeItemprop)) ? 3 : 1;
                    if (inUnlikely)
                    {
                        strength = 0;
                    }

                    facts.DateHints.Add(!string.IsNullOrWhiteSpace(datetime)
                        ? new DateHint(datetime, true, strength, order, modified)
                        : new DateHint(TextOf(element), false, strength, order, modified));
                    return true;
                default:
                    break;
            }

            if (element.GetAttribute("itemprop") is { } itemprop)
            {
                var isModified = itemprop.Equals("dateModified", StringComparison.OrdinalIgnoreCase);
                if (isModified || itemprop.Equals("datePublished", StringComparison.OrdinalIgnoreCase) || itemprop.Equals("dateCreated", StringComparison.OrdinalIgnoreCase))
                {
                    var value = element.GetAttribute("content") ?? element.GetAttribute("datetime");
                    if (value is not null)
                    {
                        facts.DateHints.Add(new DateHint(value, true, isModified ? 1 : 4, order, isModified));
                        return true;
                    }
                }
                else if (itemprop.Equals("author", StringComparison.OrdinalIgnoreCase) && element.GetAttribute("content") is { } author)
                {
                    facts.AuthorHints.Add(author);
                    return true;
                }
            }

            return false;
        }

        /// <summary>Dates and bylines in small elements named like them (class/id "date", "byline", "author", itemprop).</summary>
        private void CollectNamed(IElement element, PageNode node, string tag, string classAndId, bool inUnlikely, int order)
        {
            if (inUnlikely || tag is "body" or "html" or "article" or "main")
            {
                return;
            }

            var itemprop = element.GetAttribute("itemprop");
            var isDateProp = itemprop is not null && (itemprop.Equals("datePublished", StringComparison.OrdinalIgnoreCase) || itemprop.Equals("dateCreated", StringComparison.OrdinalIgnoreCase));
            var isAuthorProp = itemprop is not null && itemprop.Equals("author", StringComparison.OrdinalIgnoreCase);
            if (isDateProp || ClassNames.IsDateName(classAndId))
            {
                var text = TextTools.Collapse(PlainText(node));
                if (text.Length is > 5 and < 120)
                {
                    var modified = IsModifiedName(classAndId) || text.StartsWith("Updated", StringComparison.OrdinalIgnoreCase) ||
                        text.StartsWith("Last updated", StringComparison.OrdinalIgnoreCase) || text.StartsWith("Обновлено", StringComparison.OrdinalIgnoreCase);
                    facts.DateHints.Add(new DateHint(text, false, isDateProp ? 4 : IsPublishName(classAndId) ? 2 : 1, order, modified));
                }
            }
            else if (isAuthorProp || ClassNames.IsAuthorName(classAndId))
            {
                var text = TextTools.Collapse(PlainText(node));
                if (text.Length is > 2 and < 100)
                {
                    facts.AuthorHints.Add(text);
                }
            }
        }

        private static string PlainText(PageNode node)
        {
            var builder = new System.Text.StringBuilder();
            Append(node, builder);
            return builder.ToString();

            static void Append(PageNode node, System.Text.StringBuilder builder)
            {
                foreach (var child in node.Children)
                {
                    if (child is string text)
                    {
                        builder.Append(text);
                    }
                    else if (child is PageNode element)
                    {
                        builder.Append(' ');
                        Append(element, builder);
                    }
                }
            }
        }

        private static bool IsModifiedName(string? name) =>
            name is not null && (name.Contains("modif", StringComparison.OrdinalIgnoreCase) || name.Contains("update", StringComparison.OrdinalIgnoreCase));

        private static bool IsPublishName(string? name) =>
            name is not null && (name.Contains("publish", StringComparison.OrdinalIgnoreCase) || name.Contains("pubdate", StringComparison.OrdinalIgnoreCase)
                || name.Contains("posted", StringComparison.OrdinalIgnoreCase) || name.Contains("created", StringComparison.OrdinalIgnoreCase));

        private static string TextOf(IElement element) => TextTools.Collapse(element.TextContent);
    }
}
