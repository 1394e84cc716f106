using System.Text;
using Discourse.Ingestion.Extraction;

namespace Discourse.Ingestion.Tests.Extraction;

public sealed class HtmlDecoderTests
{
    private const string RussianParagraph =
        "Министерство сообщило, что новые правила вступят в силу в следующем месяце. Представитель ведомства " +
        "подчеркнул, что решение принято после долгого обсуждения с экспертами и общественностью.";

    static HtmlDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Page(string encodingName, string? metaCharset = null)
    {
        var meta = metaCharset is null ? string.Empty : $"<meta charset=\"{metaCharset}\">";
        var html = $"<html><head>{meta}<title>Заголовок страницы</title></head><body><p>{RussianParagraph}</p></body></html>";
        return Encoding.GetEncoding(encodingName).GetBytes(html);
    }

    [Theory]
    [InlineData("windows-1251")]
    [InlineData("koi8-r")]
    public void Undeclared_cyrillic_single_byte_pages_are_detected(string encodingName)
    {
        var decoded = HtmlDecoder.Decode(Page(encodingName), contentType: null);

        Assert.Equal(encodingName, decoded.Charset);
        Assert.Equal("detected", decoded.CharsetSource);
        Assert.Contains(RussianParagraph, decoded.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_charset_is_used_when_the_bytes_agree()
    {
        var decoded = HtmlDecoder.Decode(Page("koi8-r"), "text/html; charset=KOI8-R");

        Assert.Equal("koi8-r", decoded.Charset);
        Assert.Equal("http-header", decoded.CharsetSource);
        Assert.Contains(RussianParagraph, decoded.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html; charset=ISO-8859-1")]
    [InlineData("text/html; charset=utf-8")]
    public void Wrong_header_charset_over_cp1251_bytes_is_overridden(string contentType)
    {
        var decoded = HtmlDecoder.Decode(Page("windows-1251"), contentType);

        Assert.Equal("windows-1251", decoded.Charset);
        Assert.Equal("detected-override", decoded.CharsetSource);
        Assert.Contains(RussianParagraph, decoded.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_saying_windows_1252_over_valid_utf8_is_overridden()
    {
        var decoded = HtmlDecoder.Decode(Page("utf-8"), "text/html; charset=windows-1252");

        Assert.Equal("utf-8", decoded.Charset);
        Assert.Contains(RussianParagraph, decoded.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Meta_charset_is_read_when_there_is_no_header()
    {
        var decoded = HtmlDecoder.Decode(Page("windows-1251", metaCharset: "windows-1251"), contentType: "text/html");

        Assert.Equal("windows-1251", decoded.Charset);
        Assert.Equal("meta", decoded.CharsetSource);
    }

    [Fact]
    public void Http_equiv_content_type_meta_is_read()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"></head><body><p>" + RussianParagraph + "</p></body></html>";
        var decoded = HtmlDecoder.Decode(Encoding.GetEncoding("koi8-r").GetBytes(html), contentType: null);

        Assert.Equal("koi8-r", decoded.Charset);
        Assert.Equal("meta", decoded.CharsetSource);
        Assert.Contains(RussianParagraph, decoded.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_order_mark_wins_and_is_not_part_of_the_text()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<p>" + RussianParagraph + "</p>")];

        var decoded = HtmlDecoder.Decode(body, "text/html; charset=windows-1251");

        Assert.Equal("utf-8", decoded.Charset);
        Assert.Equal("bom", decoded.CharsetSource);
        Assert.StartsWith("<p>", decoded.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Latin1_page_without_declaration_stays_western()
    {
        var html = "<p>Le ministère a publié un communiqué très détaillé sur la sécurité numérique et la coopération.</p>";
        var decoded = HtmlDecoder.Decode(Encoding.Latin1.GetBytes(html), contentType: null);

        Assert.Equal("windows-1252", decoded.Charset);
        Assert.Contains("ministère", decoded.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_cut_in_the_middle_of_a_character_is_still_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<p>" + RussianParagraph + "</p>");
        var truncated = bytes.AsSpan(0, bytes.Length - 5);
        while ((truncated[^1] & 0xC0) == 0x80)
        {
            truncated = truncated[..^1];
        }

        var decoded = HtmlDecoder.Decode(truncated[..^0], contentType: "text/html; charset=utf-8");

        Assert.Equal("utf-8", decoded.Charset);
        Assert.Equal("http-header", decoded.CharsetSource);
    }

    [Theory]
    [InlineData("text/html; charset=\"UTF-8\"", "UTF-8")]
    [InlineData("text/html;charset=cp1251", "cp1251")]
    [InlineData("text/html", null)]
    [InlineData(null, null)]
    public void Charset_parameter_is_read_from_content_type(string? contentType, string? expected) =>
        Assert.Equal(expected, HtmlDecoder.CharsetFromContentType(contentType));
}
