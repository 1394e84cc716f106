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
    };

    [ThreadStatic]
    private static HtmlParser? parser;

    private static readonly HashSet<string> SkippedTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "canvas", "head", "link", "meta", "title",
        "option", "optgroup", "datalist", "map", "area", "noembed", "noframes", "param", "source", "track", "base",
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

        public void Walk(IElement element, PageNode node, bool inUnlikely)
        {
            foreach (var child in element.ChildNodes)
            {
                if (child is IText text)
                {
                    node.Children.Add(text.Data);
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
                var childUnlikely = inUnlikely || childNode.Unlikely;
                CollectInline(childElement, tag, classAndId, childUnlikely);
                if (childNode.Kind is TagKind.Image or TagKind.Embed or TagKind.Input or TagKind.LineBreak)
                {
                    continue;
                }

                Walk(childElement, childNode, childUnlikely);
                if (childNode.IsBlock || childNode.HasBlockChild)
                {
                    node.HasBlockChild = true;
                }
            }
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

        /// <summary>Metadata from visible elements: links, headings, dates, bylines.</summary>
        private void CollectInline(IElement element, string tag, string classAndId, bool inUnlikely)
        {
            _order++;
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
                    }

                    break;
                case "h1":
                    facts.Headings.Add((TextOf(element), inUnlikely));
                    break;
                case "time":
                    var datetime = element.GetAttribute("datetime");
                    var strength = element.HasAttribute("pubdate") || IsPublishName(classAndId) || IsPublishName(element.GetAttribute("itemprop")) ? 3 : 1;
                    if (inUnlikely)
                    {
                        strength = 0;
                    }

                    if (!string.IsNullOrWhiteSpace(datetime))
                    {
                        facts.DateHints.Add(new DateHint(datetime, true, strength, _order));
                    }
                    else
                    {
                        facts.DateHints.Add(new DateHint(TextOf(element), false, strength, _order));
                    }

                    return;
                default:
                    break;
            }

            if (element.GetAttribute("itemprop") is { } itemprop)
            {
                if (itemprop.Equals("datePublished", StringComparison.OrdinalIgnoreCase) || itemprop.Equals("dateCreated", StringComparison.OrdinalIgnoreCase))
                {
                    var value = element.GetAttribute("content") ?? element.GetAttribute("datetime");
                    facts.DateHints.Add(value is not null ? new DateHint(value, true, 4, _order) : new DateHint(TextOf(element), false, 4, _order));
                    return;
                }

                if (itemprop.Equals("author", StringComparison.OrdinalIgnoreCase))
                {
                    facts.AuthorHints.Add(element.GetAttribute("content") ?? TextOf(element));
                }
            }

            if (classAndId.Length > 0 && !inUnlikely && tag is not ("body" or "html" or "article" or "main"))
            {
                if (ClassNames.IsDateName(classAndId))
                {
                    var text = TextOf(element);
                    if (text.Length is > 5 and < 120)
                    {
                        facts.DateHints.Add(new DateHint(text, false, IsPublishName(classAndId) ? 2 : 1, _order));
                    }
                }
                else if (ClassNames.IsAuthorName(classAndId))
                {
                    var text = TextOf(element);
                    if (text.Length is > 2 and < 100)
                    {
                        facts.AuthorHints.Add(text);
                    }
                }
            }
        }

        private static bool IsPublishName(string? name) =>
            name is not null && (name.Contains("publish", StringComparison.OrdinalIgnoreCase) || name.Contains("pubdate", StringComparison.OrdinalIgnoreCase)
                || name.Contains("posted", StringComparison.OrdinalIgnoreCase) || name.Contains("created", StringComparison.OrdinalIgnoreCase));

        private static string TextOf(IElement element) => TextTools.Collapse(element.TextContent);
    }
}
