using Discourse.Core.Configuration;
using Discourse.Core.Documents;
using Discourse.Testing;

namespace Discourse.Core.Tests.Configuration;

public sealed class PipelineConfigLoaderTests : IDisposable
{
    private const string ValidFiles = """
        sources:
          - id: local
            type: files
            name: Local files
            actor: RU
            kind: official
            paths: [texts/**/*.html]
        """;

    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string ConfigPath => _dir.File("pipeline.yaml");

    private PipelineConfig Parse(string yaml) => PipelineConfigLoader.Parse(yaml, ConfigPath);

    private PipelineConfigException Fails(string yaml) => Assert.Throws<PipelineConfigException>(() => Parse(yaml));

    [Fact]
    public void Minimal_files_source_gets_defaults_and_absolute_paths()
    {
        var config = Parse(ValidFiles);

        Assert.Equal(ConfigPath, config.ConfigPath);
        Assert.Equal(_dir.File("out"), config.OutputDir);
        Assert.Equal(_dir.File("models/framing-v1.model"), config.Model.Path);
        Assert.Equal("snappy", config.Run.Codec);
        Assert.Equal(128L * 1024 * 1024, config.Run.RowGroupBytes);
        Assert.Null(config.Run.MaxDocuments);
        var source = Assert.IsType<FilesSourceConfig>(Assert.Single(config.Sources));
        Assert.Equal(new SourceInfo("local", "Local files", "RU", SourceKind.Official), source.Info);
        Assert.Equal([_dir.File("texts/**/*.html")], source.Paths);
    }

    [Fact]
    public void Every_setting_is_read_with_its_type()
    {
        var config = Parse("""
            output: /data/discourse
            model: { path: ../models/m.model }
            run:
              codec: gzip
              row_group_bytes: 64MiB
              max_documents: 500
              seed: -7
            sources:
              - id: mfa_site
                type: site
                name: Ministry
                actor: CN
                kind: state_media
                date_from: 2015-01-01
                date_to: 2020-12-31
                start_urls: [https://mfa.example/news/]
                feeds: [https://mfa.example/rss.xml]
                sitemaps: [https://mfa.example/sitemap.xml.gz]
                listing:
                  article_links: ul.news a
                  next_page: a.next
                  max_listing_pages: 7
                include: ['/news/\d+']
                exclude: ['\?print=1$']
                max_pages: 40
                allow_private_network: true
                fetch:
                  user_agent: TestBot/1.0
                  respect_robots: false
                  max_concurrency_per_host: 4
                  min_delay_ms: 0
                  timeout_seconds: 2.5
                  max_retries: 0
                  max_body_bytes: 2MB
                  max_redirects: 3
              - id: archive
                type: warc
                name: Archive
                actor: US
                kind: other
                paths: [/archives/*.warc.gz]
            """);

        Assert.Equal("/data/discourse", config.OutputDir);
        Assert.Equal(Path.GetFullPath(Path.Combine(_dir.Path, "../models/m.model")), config.Model.Path);
        Assert.Equal(new RunConfig { Codec = "gzip", RowGroupBytes = 64L * 1024 * 1024, MaxDocuments = 500, Seed = -7 }, config.Run);
        var site = Assert.IsType<SiteSourceConfig>(config.Sources[0]);
        Assert.Equal(SourceKind.StateMedia, site.Kind);
        Assert.Equal(new DateOnly(2015, 1, 1), site.DateFrom);
        Assert.Equal(new DateOnly(2020, 12, 31), site.DateTo);
        Assert.Equal([new Uri("https://mfa.example/news/")], site.StartUrls);
        Assert.Equal([new Uri("https://mfa.example/rss.xml")], site.Feeds);
        Assert.Equal([new Uri("https://mfa.example/sitemap.xml.gz")], site.Sitemaps);
        Assert.Equal(new ListingConfig("ul.news a", "a.next", 7), site.Listing);
        Assert.Equal([@"/news/\d+"], site.Include);
        Assert.Equal([@"\?print=1$"], site.Exclude);
        Assert.Equal(40, site.MaxPages);
        Assert.True(site.AllowPrivateNetwork);
        Assert.Equal(
            new FetchConfig { UserAgent = "TestBot/1.0", RespectRobots = false, MaxConcurrencyPerHost = 4, MinDelayMs = 0, TimeoutSeconds = 2.5, MaxRetries = 0, MaxBodyBytes = 2_000_000, MaxRedirects = 3 },
            site.Fetch);
        var warc = Assert.IsType<WarcSourceConfig>(config.Sources[1]);
        Assert.Equal(["/archives/*.warc.gz"], warc.Paths);
    }

    [Fact]
    public void Listing_without_next_page_uses_the_defaults()
    {
        var config = Parse("""
            sources:
              - id: s
                type: site
                name: S
                actor: RU
                kind: official
                start_urls: [https://s.example/]
                listing: { article_links: a.title }
            """);

        Assert.Equal(new ListingConfig("a.title", null, 50), Assert.IsType<SiteSourceConfig>(config.Sources[0]).Listing);
    }

    [Fact]
    public void Syntax_error_names_file_line_and_column()
    {
        var error = Assert.Single(Fails("sources:\n  - id: a\n    type: files\n  name: [unclosed\n").Errors);

        Assert.Equal(ConfigPath, error.File);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("YAML syntax error", error.Message, StringComparison.Ordinal);
        Assert.Contains("indentation", error.Fix, StringComparison.Ordinal);
        Assert.StartsWith($"{ConfigPath}:4:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_is_named()
    {
        var error = Assert.Single(Fails("sources:\n  - id: a\n    id: b\n").Errors);

        Assert.Equal((3, 5), (error.Line, error.Column));
        Assert.Contains("'id' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_is_an_error_with_a_suggestion()
    {
        var error = Assert.Single(Fails(ValidFiles + "\n    max_page: 3\n").Errors);

        Assert.Equal((8, 5), (error.Line, error.Column));
        Assert.Contains("Unknown key 'max_page' in source 'local'", error.Message, StringComparison.Ordinal);
        Assert.Contains("paths", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_in_a_nested_mapping_names_its_parent_and_suggests_the_key()
    {
        var error = Assert.Single(Fails("""
            sources:
              - id: s
                type: site
                name: S
                actor: RU
                kind: official
                start_urls: [https://s.example/]
                fetch:
                  user_agnet: Bot
            """).Errors);

        Assert.Equal((9, 7), (error.Line, error.Column));
        Assert.Contains("'fetch' of source 's'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'user_agent'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_top_level_key_is_an_error()
    {
        var error = Assert.Single(Fails("outptu: x\n" + ValidFiles).Errors);

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("Did you mean 'output'?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("row_group_bytes: lots", 2, 20, "expected a whole number")]
    [InlineData("max_documents: [1]", 2, 18, "must be a single value")]
    [InlineData("seed: 1.5", 2, 9, "expected a whole number")]
    [InlineData("codec: zstd", 2, 10, "expected one of: snappy, gzip, uncompressed")]
    [InlineData("max_documents: 0", 2, 18, "greater than zero")]
    [InlineData("row_group_bytes: -1", 2, 20, "greater than zero")]
    public void Wrong_run_value_is_reported_where_it_is(string setting, int line, int column, string expected)
    {
        var error = Assert.Single(Fails($"run:\n  {setting}\n" + ValidFiles).Errors);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_enum_value_lists_the_allowed_values_and_suggests_one()
    {
        var error = Assert.Single(Fails(ValidFiles.Replace("kind: official", "kind: think-tank", StringComparison.Ordinal)).Errors);

        Assert.Equal((6, 11), (error.Line, error.Column));
        Assert.Contains("official, state_media, independent_media, think_tank, other", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'think_tank'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_keys_are_each_reported_at_the_source()
    {
        var errors = Fails("sources:\n  - id: a\n    type: files\n    kind: other\n").Errors;

        Assert.Equal(["name", "actor", "paths"], errors.Select(e => e.Message.Split('\'')[1]));
        Assert.All(errors, e => Assert.Equal((2, 5), (e.Line, e.Column)));
        Assert.All(errors, e => Assert.StartsWith("Missing required key", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_sources_and_missing_type_are_errors()
    {
        Assert.Contains("Missing required key 'sources'", Assert.Single(Fails("output: out\n").Errors).Message, StringComparison.Ordinal);
        Assert.Contains("Missing required key 'type'", Assert.Single(Fails("sources:\n  - id: a\n").Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_source_type_is_an_error()
    {
        var error = Assert.Single(Fails(ValidFiles.Replace("type: files", "type: filez", StringComparison.Ordinal)).Errors);

        Assert.Equal((3, 11), (error.Line, error.Column));
        Assert.Contains("expected one of: files, site, warc", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("start_urls: [ftp://s.example/]", "absolute http:// or https:// URL")]
    [InlineData("start_urls: [/relative/path]", "absolute http:// or https:// URL")]
    [InlineData("include: ['[a-']", "invalid regular expression")]
    [InlineData("exclude: ['(unclosed']", "invalid regular expression")]
    [InlineData("date_from: 2020-13-01", "expected a date YYYY-MM-DD")]
    [InlineData("fetch: { respect_robots: maybe }", "expected true or false")]
    [InlineData("fetch: { max_concurrency_per_host: 0 }", "greater than zero")]
    [InlineData("fetch: { min_delay_ms: -5 }", "zero or more")]
    [InlineData("listing: { next_page: a.next }", "Missing required key 'article_links'")]
    [InlineData("fetch: 3", "must be a mapping")]
    public void Invalid_site_setting_is_reported(string setting, string expected)
    {
        var yaml = $"""
            sources:
              - id: s
                type: site
                name: S
                actor: RU
                kind: official
                feeds: [https://s.example/rss.xml]
                {setting}
            """;

        var error = Assert.Single(Fails(yaml).Errors);

        Assert.Equal(8, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b**/c", "'**' must be a whole path segment")]
    [InlineData("a/[bc/*.html", "'[' has no matching ']'")]
    [InlineData("a/{x,y/*.html", "'{' has no matching '}'")]
    public void Invalid_glob_is_reported(string glob, string expected)
    {
        var error = Assert.Single(Fails(ValidFiles.Replace("texts/**/*.html", $"'{glob}'", StringComparison.Ordinal)).Errors);

        Assert.Equal(7, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_field_rules_are_checked()
    {
        var errors = Fails("""
            sources:
              - id: a
                type: files
                name: A
                actor: RU
                kind: other
                paths: []
                date_from: 2020-02-01
                date_to: 2020-01-01
              - id: a
                type: files
                name: B
                actor: RU
                kind: other
                paths: [x]
              - id: s
                type: site
                name: S
                actor: RU
                kind: other
            """).Errors;

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Line == 7 && e.Message.Contains("'paths' of source 'a' is empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 8 && e.Message.Contains("is after date_to", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 10 && e.Message.Contains("used twice (first at line 2)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 16 && e.Message.Contains("no start_urls, feeds or sitemaps", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("- a\n- b\n", "top level must be a mapping")]
    [InlineData("sources: []\n", "'sources' is empty")]
    [InlineData("sources: files\n", "'sources' must be a list")]
    [InlineData("sources:\n  - just-a-name\n", "must be a mapping")]
    [InlineData("model: [a]\nsources: []\n", "'model' must be the path")]
    public void Structural_mistakes_are_explained(string yaml, string expected) =>
        Assert.Contains(Fails(yaml).Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void All_errors_are_reported_in_one_pass_in_file_order()
    {
        var errors = Fails("""
            run:
              codec: lz4
            sources:
              - id: a
                type: files
                name: A
                actor: RU
                kind: unknown
                paths: [x]
                colour: blue
            """).Errors;

        Assert.Equal([2, 8, 10], errors.Select(e => e.Line));
    }

    [Fact]
    public void Load_reports_a_missing_file_with_its_path()
    {
        var ex = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Load(_dir.File("nope.yaml")));

        Assert.Contains(_dir.File("nope.yaml"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("--config", Assert.Single(ex.Errors).Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_reads_the_file_and_resolves_against_its_folder()
    {
        Directory.CreateDirectory(_dir.File("conf"));
        File.WriteAllText(_dir.File("conf/p.yaml"), ValidFiles + "\noutput: ../data\n");

        var config = PipelineConfigLoader.Load(_dir.File("conf/p.yaml"));

        Assert.Equal(_dir.File("data"), config.OutputDir);
        Assert.Equal([_dir.File("conf/texts/**/*.html")], ((FilesSourceConfig)config.Sources[0]).Paths);
    }

    [Fact]
    public void Every_key_of_every_source_kind_can_be_read()
    {
        Assert.Equal(["files", "site", "warc"], PipelineConfigLoader.SourceTypes.Keys.Order(StringComparer.Ordinal));
        foreach (var type in PipelineConfigLoader.SourceTypes.Values.Append(typeof(RunConfig)))
        {
            Assert.Empty(ConfigBinder.UnsupportedKeys(type));
        }
    }

    [Fact]
    public void The_repository_pipeline_yaml_is_valid_and_reads_the_bundled_corpus()
    {
        var path = Path.Combine(ReferenceData.RepositoryRoot, "pipeline.yaml");

        var config = PipelineConfigLoader.Load(path);

        Assert.Equal(Path.Combine(ReferenceData.RepositoryRoot, "out"), config.OutputDir);
        Assert.Equal(Path.Combine(ReferenceData.RepositoryRoot, "models", "framing-v1.model"), config.Model.Path);
        Assert.Equal(["mid-press", "kremlin-transcripts", "newswire-agency", "policy-institute"], config.Sources.Select(s => s.Id));
        foreach (var source in config.Sources.Cast<FilesSourceConfig>())
        {
            var root = source.Paths.Single()[..source.Paths.Single().IndexOf("/**", StringComparison.Ordinal)];
            Assert.NotEmpty(Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories));
        }
    }
}
