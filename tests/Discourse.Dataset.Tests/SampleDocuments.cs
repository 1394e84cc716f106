using Discourse.Core.Documents;

namespace Discourse.Dataset.Tests;

/// <summary>Labelled documents for the dataset tests: varied dates, scripts, nulls and scores.</summary>
internal static class SampleDocuments
{
    public static readonly SourceInfo Ministry = new("mid-press", "Ministry press service", "Russia", SourceKind.Official);

    public static LabelledDocument Create(int n, DateTimeOffset? published, bool classified = true, string? duplicateOf = null)
    {
        var text = n % 2 == 0
            ? $"Statement {n} on the sovereign information space.\n\nA second paragraph."
            : $"Заявление {n} о суверенитете в информационном пространстве.\n\nВторой абзац.";
        var document = new Document
        {
            DocId = $"{n:x16}",
            Source = Ministry,
            Url = $"https://www.mid-press.example/articles/{n}.html",
            CanonicalUrl = n % 3 == 0 ? null : $"https://www.mid-press.example/articles/{n}.html",
            Lang = n % 2 == 0 ? "en" : "ru",
            Title = n % 5 == 0 ? string.Empty : $"Title {n}",
            Text = text,
            Author = n % 4 == 0 ? "Press service" : null,
            PublishedAt = published,
            FetchedAt = new DateTimeOffset(2024, 11, 22, 7, 40, 0, TimeSpan.Zero).AddTicks(n * 10),
            ContentSha256 = new string('a', 64),
            DuplicateOf = duplicateOf,
        };
        if (!classified)
        {
            return new LabelledDocument(document, [], null);
        }

        var scores = FramingNames.All
            .Select((f, i) => new FramingScore(f, (n + i) % 10 / 10.0, (n + i) % 10 >= 5, (n + i) % 10 >= 5 ? $"Evidence {n}/{i}" : null))
            .ToList();
        return new LabelledDocument(document, scores, "framing-1.0.0");
    }

    public static DateTimeOffset Month(int year, int month, int day = 15) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);
}
