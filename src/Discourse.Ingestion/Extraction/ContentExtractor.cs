using System.Text;

namespace Discourse.Ingestion.Extraction;

/// <summary>
/// Finds the main text of a page tree. The page is cut into runs of inline text (virtual paragraphs); each run scores
/// its ancestors Readability-style (length, commas, class names), the best-scoring container and its fitting siblings
/// become the article, containers inside it that look like link lists, forms or widgets are dropped, and the remaining
/// runs in document order are the paragraphs. When that yields too little text, attempts relax one rule at a time.
/// </summary>
internal static class ContentExtractor
{
    /// <summary>Below this many characters an attempt is considered a failure and a more permissive one is tried.</summary>
    private const int EnoughText = 500;

    /// <summary>How much page text before the article is kept for finding a dateline.</summary>
    private const int PreambleLength = 1500;

    private static readonly (bool SkipUnlikely, bool WeightClasses, bool CleanConditionally)[] Attempts =
    [
        (true, true, true),
        (false, true, true),
        (false, false, true),
        (false, false, false),
    ];

    /// <summary>The main text's paragraphs, and the page text just before the first of them (where datelines sit).</summary>
    public static (IReadOnlyList<string> Paragraphs, string Preamble) Extract(PageNode root)
    {
        Number(root, 0);
        List<string>? best = null;
        var bestLength = -1;
        List<Run>? runs = null;
        var runsSkipUnlikely = false;
        foreach (var attempt in Attempts)
        {
            if (runs is null || runsSkipUnlikely != attempt.SkipUnlikely)
            {
                runs = Linearize(root, attempt.SkipUnlikely);
                runsSkipUnlikely = attempt.SkipUnlikely;
            }

            var paragraphs = ArticleEnd.Trim(Attempt(root, runs, attempt.WeightClasses, attempt.CleanConditionally));
            var length = 0;
            foreach (var paragraph in paragraphs)
            {
                length += paragraph.Length;
            }

            // A relaxed attempt must find much more text, and keep what the stricter one found, to win:
            // on short pages it mostly adds menus, comments and hidden dialogs elsewhere on the page.
            if (best is null || (length > (bestLength * 2) + 200 && (bestLength < 200 || Keeps(paragraphs, best))))
            {
                best = paragraphs;
                bestLength = length;
            }

            if (bestLength >= EnoughText)
            {
                break;
            }
        }

        return (best ?? [], Preamble(runs!, best));
    }

    /// <summary>Up to <see cref="PreambleLength"/> characters of page text before the first paragraph of the article.</summary>
    private static string Preamble(List<Run> runs, List<string>? paragraphs)
    {
        if (paragraphs is not { Count: > 0 })
        {
            return string.Empty;
        }

        var first = paragraphs[0];
        var index = runs.FindIndex(run => ReferenceEquals(run.Text, first) || run.Text == first);
        var builder = new StringBuilder();
        for (var i = index - 1; i >= 0 && builder.Length < PreambleLength; i--)
        {
            builder.Insert(0, runs[i].Text + "\n");
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="candidate"/> contains most of the paragraphs of <paramref name="earlier"/>.</summary>
    private static bool Keeps(List<string> candidate, List<string> earlier)
    {
        var present = new HashSet<string>(candidate, StringComparer.Ordinal);
        int kept = 0, total = 0;
        foreach (var paragraph in earlier)
        {
            total += paragraph.Length;
            if (present.Contains(paragraph))
            {
                kept += paragraph.Length;
            }
        }

        return kept * 2 >= total;
    }

    private static int Number(PageNode node, int order)
    {
        node.Order = order++;
        foreach (var child in node.Children)
        {
            if (child is PageNode element)
            {
                order = Number(element, order);
            }
        }

        node.End = order;
        return order;
    }

    /// <summary>A run of inline text inside one block: the unit that is scored and emitted.</summary>
    private sealed record Run(PageNode Owner, string Text, int LinkLength, int Commas);

    private static List<Run> Linearize(PageNode root, bool skipUnlikely)
    {
        var state = new LinearizeState(skipUnlikely);
        Reset(root);
        state.Visit(root, root, inLink: false, inHeading: false, inList: false);
        state.Flush(root, inHeading: false, inList: false);
        return state.Runs;
    }

    private static void Reset(PageNode node)
    {
        node.ResetStats();
        foreach (var child in node.Children)
        {
            if (child is PageNode element)
            {
                Reset(element);
            }
        }
    }

    private sealed class LinearizeState(bool skipUnlikely)
    {
        private readonly StringBuilder _run = new();
        private int _runLinkLength;

        public List<Run> Runs { get; } = [];

        public void Visit(PageNode node, PageNode block, bool inLink, bool inHeading, bool inList)
        {
            foreach (var child in node.Children)
            {
                if (child is string text)
                {
                    var before = _run.Length;
                    TextTools.AppendCollapsed(_run, text);
                    if (inLink)
                    {
                        _runLinkLength += _run.Length - before;
                    }

                    continue;
                }

                var element = (PageNode)child;
                if (skipUnlikely && element.Unlikely)
                {
                    continue;
                }

                switch (element.Kind)
                {
                    case TagKind.LineBreak:
                        TrimRunEnd();
                        _run.Append('\n');
                        continue;
                    case TagKind.Image:
                        element.ImageCount = 1;
                        node.ImageCount++;
                        continue;
                    case TagKind.Embed:
                        element.EmbedCount = 1;
                        node.EmbedCount++;
                        continue;
                    case TagKind.Input:
                        element.InputCount = 1;
                        node.InputCount++;
                        continue;
                    default:
                        break;
                }

                var childInLink = inLink || element.Tag == "a";
                var childInHeading = inHeading || element.Kind == TagKind.Heading;
                var childInList = inList || element.Kind == TagKind.List;
                if (element.IsBlock)
                {
                    Flush(block, inHeading, inList);
                    Visit(element, element, childInLink, childInHeading, childInList);
                    Flush(element, childInHeading, childInList);
                }
                else
                {
                    Visit(element, block, childInLink, childInHeading, childInList);
                }

                if (element.Tag == "p")
                {
                    element.ParagraphCount++;
                }
                else if (element.Kind == TagKind.ListItem)
                {
                    element.ListItemCount++;
                }

                node.TextLength += element.TextLength;
                node.LinkLength += element.LinkLength;
                node.Commas += element.Commas;
                node.ParagraphCount += element.ParagraphCount;
                node.ImageCount += element.ImageCount;
                node.ListItemCount += element.ListItemCount;
                node.InputCount += element.InputCount;
                node.EmbedCount += element.EmbedCount;
                node.HeadingLength += element.HeadingLength;
                node.ListTextLength += element.ListTextLength;
            }
        }

        public void Flush(PageNode owner, bool inHeading, bool inList)
        {
            TrimRunEnd();
            var start = 0;
            while (start < _run.Length && (_run[start] == ' ' || _run[start] == '\n'))
            {
                start++;
            }

            if (start == _run.Length)
            {
                _run.Clear();
                _runLinkLength = 0;
                return;
            }

            var text = _run.ToString(start, _run.Length - start).Replace(" \n", "\n", StringComparison.Ordinal).Replace("\n ", "\n", StringComparison.Ordinal);
            var commas = 0;
            foreach (var c in text)
            {
                if (c is ',' or '\uFF0C' or '\u060C')
                {
                    commas++;
                }
            }

            var linkLength = Math.Min(_runLinkLength, text.Length);
            Runs.Add(new Run(owner, text, linkLength, commas));
            owner.TextLength += text.Length;
            owner.LinkLength += linkLength;
            owner.Commas += commas;
            if (inHeading)
            {
                owner.HeadingLength += text.Length;
            }

            if (inList)
            {
                owner.ListTextLength += text.Length;
            }

            _run.Clear();
            _runLinkLength = 0;
        }

        private void TrimRunEnd()
        {
            while (_run.Length > 0 && _run[^1] == ' ')
            {
                _run.Length--;
            }
        }
    }

    private static List<string> Attempt(PageNode root, List<Run> runs, bool weightClasses, bool cleanConditionally)
    {
        ClearScores(root);
        var candidates = ScoreAncestors(runs, weightClasses);
        var body = FindBody(root);
        var top = SelectTopCandidate(candidates, body);
        var topScore = top.Scored ? top.Score : 0;

        // The article: the top candidate plus siblings that score close to it or read like paragraphs.
        var container = top.Parent ?? top;
        var included = new List<PageNode>();
        var threshold = Math.Max(10, topScore * 0.2);
        if (ReferenceEquals(container, top))
        {
            included.Add(top);
        }
        else
        {
            foreach (var child in container.Children)
            {
                if (child is not PageNode sibling || sibling.TextLength == 0)
                {
                    continue;
                }

                if (ReferenceEquals(sibling, top))
                {
                    included.Add(sibling);
                    continue;
                }

                var bonus = top.ClassAndId.Length > 0 && top.ClassAndId == sibling.ClassAndId ? topScore * 0.2 : 0;
                if (sibling.Scored && sibling.Score + bonus >= threshold)
                {
                    included.Add(sibling);
                }
                else if (sibling.Tag == "p" && ReadsLikeParagraph(sibling.TextLength, sibling.LinkDensity, sibling))
                {
                    included.Add(sibling);
                }
            }
        }

        foreach (var node in included)
        {
            Clean(node, weightClasses, cleanConditionally, isRoot: true);
        }

        var paragraphs = new List<string>();
        foreach (var run in runs)
        {
            if (ReferenceEquals(run.Owner, container) && !ReferenceEquals(container, top))
            {
                var density = run.Text.Length == 0 ? 0 : (double)run.LinkLength / run.Text.Length;
                if (ReadsLikeParagraph(run.Text.Length, density, run.Text))
                {
                    paragraphs.Add(run.Text);
                }

                continue;
            }

            // A short line that is all link is a teaser or a menu entry, not a sentence of the story.
            if (IsEmitted(run, included) && !(run.Text.Length < 200 && run.LinkLength * 10 >= run.Text.Length * 9))
            {
                paragraphs.Add(run.Text);
            }
        }

        return paragraphs;
    }

    private static bool IsEmitted(Run run, List<PageNode> included)
    {
        foreach (var node in included)
        {
            if (!node.Contains(run.Owner))
            {
                continue;
            }

            for (var current = run.Owner; current is not null; current = current.Parent)
            {
                if (current.Cleaned)
                {
                    return false;
                }

                if (ReferenceEquals(current, node))
                {
                    break;
                }
            }

            // The headline is the title, not the text.
            return run.Owner.Tag != "h1";
        }

        return false;
    }

    private static bool ReadsLikeParagraph(int length, double linkDensity, object textSource)
    {
        if (length > 80)
        {
            return linkDensity < 0.25;
        }

        if (length == 0 || linkDensity > 0)
        {
            return false;
        }

        var text = textSource as string ?? string.Empty;
        if (textSource is PageNode node)
        {
            // Short sibling paragraphs count when they end a sentence; only their own text is looked at.
            text = FirstText(node);
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot >= 0 && (dot == text.Length - 1 || text[dot + 1] == ' ');
    }

    private static string FirstText(PageNode node)
    {
        var builder = new StringBuilder();
        AppendAllText(node, builder);
        return TextTools.Collapse(builder.ToString());
    }

    private static void AppendAllText(PageNode node, StringBuilder builder)
    {
        foreach (var child in node.Children)
        {
            if (child is string text)
            {
                builder.Append(text);
            }
            else if (child is PageNode element)
            {
                AppendAllText(element, builder);
            }
        }
    }

    private static void ClearScores(PageNode node)
    {
        node.Score = 0;
        node.Scored = false;
        node.Cleaned = false;
        foreach (var child in node.Children)
        {
            if (child is PageNode element)
            {
                ClearScores(element);
            }
        }
    }

    private static List<PageNode> ScoreAncestors(List<Run> runs, bool weightClasses)
    {
        var candidates = new List<PageNode>();
        foreach (var run in runs)
        {
            var owner = run.Owner;
            if (run.Text.Length < 25 || !IsScorableOwner(owner))
            {
                continue;
            }

            if (IsLegalNotice(run.Text))
            {
                continue;
            }

            var score = 1.0 + run.Commas + Math.Min(run.Text.Length / 100, 3);
            var ancestor = owner.HasBlockChild ? owner : owner.Parent;
            for (var level = 0; level < 5 && ancestor is not null && ancestor.Parent is not null; level++, ancestor = ancestor.Parent)
            {
                if (!ancestor.Scored)
                {
                    ancestor.Score = TagBase(ancestor) + (weightClasses ? ancestor.ClassWeight : 0);
                    ancestor.Scored = true;
                    candidates.Add(ancestor);
                }

                var divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                ancestor.Score += score / divider;
            }
        }

        foreach (var candidate in candidates)
        {
            candidate.Score *= 1 - candidate.LinkDensity;
        }

        return candidates;
    }

    /// <summary>Copyright and rights-reserved lines: site boilerplate however many commas they have.</summary>
    private static bool IsLegalNotice(string text) =>
        text.Contains('©', StringComparison.Ordinal) || text.Contains("(c)", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("all rights reserved", StringComparison.OrdinalIgnoreCase) || text.Contains("все права защищены", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("права защищены", StringComparison.OrdinalIgnoreCase);

    private static bool IsScorableOwner(PageNode owner) =>
        owner.Kind is not (TagKind.ListItem or TagKind.List) && owner.Tag is not ("h1" or "th" or "figcaption" or "caption" or "address" or "legend");

    private static double TagBase(PageNode node) => node.Tag switch
    {
        "div" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    private static PageNode FindBody(PageNode root)
    {
        foreach (var child in root.Children)
        {
            if (child is PageNode { Tag: "body" } body)
            {
                return body;
            }
        }

        return root;
    }

    private static PageNode SelectTopCandidate(List<PageNode> candidates, PageNode body)
    {
        PageNode? top = null;
        var topFive = new List<PageNode>(5);
        foreach (var candidate in candidates)
        {
            var index = topFive.Count;
            while (index > 0 && topFive[index - 1].Score < candidate.Score)
            {
                index--;
            }

            if (index < 5)
            {
                topFive.Insert(index, candidate);
                if (topFive.Count > 5)
                {
                    topFive.RemoveAt(5);
                }
            }
        }
        if (topFive.Count == 0 || topFive[0].Tag is "body" or "html")
        {
            return body;
        }

        top = topFive[0];

        // Several near-equal candidates sharing an ancestor: the article is that ancestor.
        var alternatives = new List<PageNode>();
        for (var i = 1; i < topFive.Count; i++)
        {
            if (topFive[i].Score / top.Score >= 0.75)
            {
                alternatives.Add(topFive[i]);
            }
        }

        if (alternatives.Count >= 3)
        {
            for (var parent = top.Parent; parent is not null && parent.Tag != "body"; parent = parent.Parent)
            {
                var containing = 0;
                foreach (var alternative in alternatives)
                {
                    if (parent.Contains(alternative))
                    {
                        containing++;
                    }
                }

                if (containing >= 3)
                {
                    top = parent;
                    break;
                }
            }
        }

        if (!top.Scored)
        {
            top.Score = TagBase(top);
            top.Scored = true;
        }

        // Climb while the parent holds a comparable share of the score: the article may be split into sibling blocks.
        var lastScore = top.Score;
        var scoreThreshold = lastScore / 3;
        for (var parent = top.Parent; parent is not null && parent.Tag != "body"; parent = parent.Parent)
        {
            if (!parent.Scored)
            {
                continue;
            }

            if (parent.Score < scoreThreshold)
            {
                break;
            }

            if (parent.Score > lastScore)
            {
                top = parent;
                break;
            }

            lastScore = parent.Score;
        }

        // A lone child says nothing its parent does not: take the outermost single-child wrapper.
        while (top.Parent is { } wrapper && wrapper.Tag != "body" && CountElementChildren(wrapper) == 1)
        {
            top = wrapper;
        }

        return top;
    }

    private static int CountElementChildren(PageNode node)
    {
        var count = 0;
        foreach (var child in node.Children)
        {
            if (child is PageNode)
            {
                count++;
            }
            else if (child is string text && !string.IsNullOrWhiteSpace(text))
            {
                return 2;
            }
        }

        return count;
    }

    /// <summary>Marks widgets, link lists and form-like blocks inside the article as <see cref="PageNode.Cleaned"/>.</summary>
    private static void Clean(PageNode node, bool weightClasses, bool cleanConditionally, bool isRoot)
    {
        if (!isRoot && ShouldDrop(node, weightClasses, cleanConditionally))
        {
            node.Cleaned = true;
            return;
        }

        foreach (var child in node.Children)
        {
            if (child is PageNode element && element.TextLength > 0)
            {
                Clean(element, weightClasses, cleanConditionally, isRoot: false);
            }
        }
    }

    private static bool ShouldDrop(PageNode node, bool weightClasses, bool cleanConditionally)
    {
        if (node.Tag is "aside" or "footer" or "nav")
        {
            return true;
        }

        if (node.ClassAndId.Length > 0 && ClassNames.IsShareLike(node.ClassAndId) && node.TextLength < 500)
        {
            return true;
        }

        if (node.Kind == TagKind.Heading && weightClasses && node.ClassWeight < 0)
        {
            return true;
        }

        if (!cleanConditionally || node.Tag is not ("form" or "fieldset" or "table" or "ul" or "ol" or "div" or "section"))
        {
            return false;
        }

        var weight = weightClasses ? node.ClassWeight : 0;
        var contentScore = node.Scored ? node.Score : 0;
        if (weight + contentScore < 0)
        {
            return true;
        }

        if (node.Commas >= 10)
        {
            return false;
        }

        var paragraphs = node.ParagraphCount;
        var images = node.ImageCount;
        var listItems = node.ListItemCount - 100;
        var length = node.TextLength;
        var isList = node.Kind == TagKind.List || (length > 0 && node.ListTextLength > length * 0.9);
        var headingDensity = length == 0 ? 0 : (double)node.HeadingLength / length;
        var linkDensity = node.LinkDensity;
        return (images > 1 && (double)paragraphs / images < 0.5)
            || (!isList && listItems > paragraphs)
            || node.InputCount > paragraphs / 3
            || (!isList && headingDensity < 0.9 && length < 25 && (images == 0 || images > 2))
            || (!isList && weight < 25 && linkDensity > 0.2)
            || (weight >= 25 && linkDensity > 0.5)
            || (node.EmbedCount == 1 && length < 75) || node.EmbedCount > 1;
    }
}
