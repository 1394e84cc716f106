using System.Text;
using System.Text.Unicode;

namespace Discourse.Ingestion.Extraction;

/// <summary>
/// Turns HTML bytes into text. Order of evidence: a byte-order mark, the HTTP Content-Type charset, a
/// <c>&lt;meta&gt;</c> (or XML declaration) charset, then detection (UTF-8 validity, then Cyrillic single-byte
/// windows-1251 vs KOI8-R by letter frequency, else windows-1252). A declared charset that the bytes clearly
/// contradict (say "UTF-8" over invalid UTF-8, or "ISO-8859-1" over Cyrillic cp1251 words) is overridden.
/// </summary>
public static class HtmlDecoder
{
    /// <summary>How many leading bytes are searched for a <c>&lt;meta charset&gt;</c>.</summary>
    private const int MetaScanBytes = 16 * 1024;

    static HtmlDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="body"/>, choosing the charset as described on the class.</summary>
    /// <param name="body">The raw (decompressed) body.</param>
    /// <param name="contentType">The HTTP Content-Type header value, or null when unknown (local files).</param>
    public static DecodedHtml Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        if (TryBom(body, out var bomEncoding, out var bomLength))
        {
            return new DecodedHtml(bomEncoding.GetString(body[bomLength..]), bomEncoding.WebName, "bom");
        }

        var declared = ResolveEncoding(CharsetFromContentType(contentType));
        var source = "http-header";
        if (declared is null)
        {
            declared = ResolveEncoding(CharsetFromMarkup(body));
            source = "meta";
        }

        var sample = ByteSample.Analyse(body);
        Encoding chosen;
        if (declared is null)
        {
            chosen = sample.Detect();
            source = "detected";
        }
        else if (sample.Contradicts(declared, out var better))
        {
            chosen = better;
            source = "detected-override";
        }
        else
        {
            chosen = declared;
        }

        return new DecodedHtml(chosen.GetString(body), chosen.WebName, source);
    }

    /// <summary>The charset parameter of a Content-Type value, e.g. <c>text/html; charset="koi8-r"</c>.</summary>
    internal static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var index = contentType.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return null;
        }

        var rest = contentType.AsSpan(index + "charset".Length).TrimStart();
        if (rest.IsEmpty || rest[0] != '=')
        {
            return null;
        }

        rest = rest[1..].Trim().Trim('"').Trim('\'');
        var end = rest.IndexOfAny(";, \"'");
        return (end >= 0 ? rest[..end] : rest).ToString();
    }

    /// <summary>
    /// The charset named by the first <c>&lt;meta charset&gt;</c>, <c>&lt;meta http-equiv content="...charset=..."&gt;</c>
    /// or <c>&lt;?xml encoding="..."?&gt;</c> within the first bytes; scanned as ASCII, as the HTML prescan does.
    /// </summary>
    internal static string? CharsetFromMarkup(ReadOnlySpan<byte> body)
    {
        var head = body[..Math.Min(body.Length, MetaScanBytes)];
        var text = Encoding.Latin1.GetString(head);
        var position = 0;
        while (true)
        {
            var meta = text.IndexOf("<meta", position, StringComparison.OrdinalIgnoreCase);
            if (meta < 0)
            {
                break;
            }

            var close = text.IndexOf('>', meta);
            if (close < 0)
            {
                break;
            }

            var tag = text.AsSpan(meta, close - meta);
            var charset = tag.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            if (charset >= 0)
            {
                var value = ReadAttributeValueAfter(tag[(charset + "charset".Length)..]);
                if (value.Length > 0)
                {
                    return value;
                }
            }

            position = close;
        }

        if (text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            var declEnd = text.IndexOf("?>", StringComparison.Ordinal);
            var encoding = declEnd > 0 ? text.IndexOf("encoding", 0, declEnd, StringComparison.Ordinal) : -1;
            if (encoding > 0)
            {
                var value = ReadAttributeValueAfter(text.AsSpan(encoding + "encoding".Length, declEnd - encoding - "encoding".Length));
                return value.Length > 0 ? value : null;
            }
        }

        return null;
    }

    private static string ReadAttributeValueAfter(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        if (rest.IsEmpty || rest[0] != '=')
        {
            return string.Empty;
        }

        rest = rest[1..].TrimStart().TrimStart('"').TrimStart('\'').TrimStart();
        var length = 0;
        while (length < rest.Length && (char.IsAsciiLetterOrDigit(rest[length]) || rest[length] is '-' or '_' or ':' or '.'))
        {
            length++;
        }

        return rest[..length].ToString();
    }

    /// <summary>Maps a charset label to an encoding, WHATWG-style (latin1/ascii read as windows-1252); null if unknown.</summary>
    internal static Encoding? ResolveEncoding(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().ToLowerInvariant();
        switch (name)
        {
            case "utf8" or "utf-8" or "unicode-1-1-utf-8" or "x-unicode20utf8":
            // A meta tag cannot truthfully say UTF-16: the prescan read it as ASCII, so the bytes are ASCII-compatible.
            case "utf-16" or "utf-16le" or "utf-16be" or "unicode":
                return Utf8NoBom;
            case "cp1251" or "win-1251" or "windows1251" or "x-cp1251" or "win1251" or "cp-1251":
                name = "windows-1251";
                break;
            case "koi8r" or "koi8" or "koi" or "cskoi8r":
                name = "koi8-r";
                break;
            case "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii" or "iso_8859-1" or "cp1252" or "x-cp1252":
                name = "windows-1252";
                break;
            default:
                break;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool TryBom(ReadOnlySpan<byte> body, out Encoding encoding, out int length)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            (encoding, length) = (Utf8NoBom, 3);
            return true;
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (encoding, length) = (Encoding.Unicode, 2);
            return true;
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (encoding, length) = (Encoding.BigEndianUnicode, 2);
            return true;
        }

        (encoding, length) = (Utf8NoBom, 0);
        return false;
    }

    internal static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Byte statistics that decide between UTF-8, Cyrillic single-byte charsets and windows-1252.</summary>
    private readonly struct ByteSample
    {
        private readonly int _highBytes;
        private readonly int _highBytesInWords;
        private readonly int _utf8Sequences;
        private readonly int _utf8Errors;
        private readonly int _cp1251Evidence;
        private readonly int _koi8Evidence;

        private ByteSample(int highBytes, int highBytesInWords, int utf8Sequences, int utf8Errors, int cp1251, int koi8)
        {
            _highBytes = highBytes;
            _highBytesInWords = highBytesInWords;
            _utf8Sequences = utf8Sequences;
            _utf8Errors = utf8Errors;
            _cp1251Evidence = cp1251;
            _koi8Evidence = koi8;
        }

        private bool IsAscii => _highBytes == 0;

        /// <summary>Valid UTF-8 with at least one multi-byte sequence, allowing a stray bad byte in a long text.</summary>
        private bool LooksUtf8 => _utf8Sequences > 0 && _utf8Errors * 50 <= _utf8Sequences;

        /// <summary>High bytes mostly form whole runs (words) as Cyrillic letters in a single-byte charset do.</summary>
        private bool LooksCyrillicSingleByte => _highBytes >= 8 && _highBytesInWords * 10 >= _highBytes * 6 && !LooksUtf8;

        private Encoding CyrillicCharset =>
            Encoding.GetEncoding(_koi8Evidence > _cp1251Evidence ? "koi8-r" : "windows-1251");

        public static ByteSample Analyse(ReadOnlySpan<byte> body)
        {
            // Fast paths (vectorised): pure ASCII, or valid UTF-8 throughout.
            if (System.Text.Ascii.IsValid(body))
            {
                return new ByteSample(0, 0, 0, 0, 0, 0);
            }

            if (Utf8.IsValid(body))
            {
                var leads = 0;
                for (var i = 0; i < body.Length && leads < 64; i++)
                {
                    if (body[i] >= 0xC0)
                    {
                        leads++;
                    }
                }

                return new ByteSample(leads, 0, leads, 0, 0, 0);
            }

            int high = 0, inWords = 0, sequences = 0, errors = 0;
            int cp1251 = 0, koi8 = 0;
            var run = 0;
            for (var i = 0; i < body.Length; i++)
            {
                var b = body[i];
                if (b < 0x80)
                {
                    if (run >= 3)
                    {
                        inWords += run;
                    }

                    run = 0;
                    continue;
                }

                high++;
                run++;
                cp1251 += Cp1251LetterWeight(b);
                koi8 += Koi8LetterWeight(b);
            }

            if (run >= 3)
            {
                inWords += run;
            }

            if (high > 0)
            {
                CountUtf8(body, out sequences, out errors);
            }

            return new ByteSample(high, inWords, sequences, errors, cp1251, koi8);
        }

        public Encoding Detect()
        {
            if (IsAscii || LooksUtf8)
            {
                return Utf8NoBom;
            }

            return LooksCyrillicSingleByte ? CyrillicCharset : Encoding.GetEncoding("windows-1252");
        }

        /// <summary>True when the bytes clearly disagree with <paramref name="declared"/>; <paramref name="better"/> is then the detected charset.</summary>
        public bool Contradicts(Encoding declared, out Encoding better)
        {
            better = declared;
            if (IsAscii)
            {
                return false;
            }

            var declaredUtf8 = declared.CodePage == 65001;
            if (declaredUtf8)
            {
                if (_utf8Errors == 0 || LooksUtf8)
                {
                    return false;
                }

                better = Detect();
                return true;
            }

            if (LooksUtf8 && _utf8Errors == 0 && _utf8Sequences >= 4)
            {
                better = Utf8NoBom;
                return true;
            }

            if (!LooksCyrillicSingleByte)
            {
                return false;
            }

            var detected = CyrillicCharset;
            var declaredCyrillic = declared.CodePage is 1251 or 20866 or 21866 or 28595 or 866 or 10007;
            if (!declaredCyrillic)
            {
                better = detected;
                return true;
            }

            // Between two Cyrillic charsets, switch only on a clear letter-frequency margin.
            var (mine, other) = declared.CodePage == 1251 ? (_cp1251Evidence, _koi8Evidence) : (_koi8Evidence, _cp1251Evidence);
            if (declared.CodePage is 1251 or 20866 && other > mine * 3 && detected.CodePage != declared.CodePage)
            {
                better = detected;
                return true;
            }

            return false;
        }

        // The most frequent Russian lowercase letters (о е а и н т с р в л) in each charset; uppercase-heavy text is rare.
        private static int Cp1251LetterWeight(byte b) => b switch
        {
            0xEE or 0xE5 or 0xE0 or 0xE8 or 0xED or 0xF2 or 0xF1 or 0xF0 or 0xE2 or 0xEB => 1,
            _ => 0,
        };

        private static int Koi8LetterWeight(byte b) => b switch
        {
            0xCF or 0xC5 or 0xC1 or 0xC9 or 0xCE or 0xD4 or 0xD3 or 0xD2 or 0xD7 or 0xCC => 1,
            _ => 0,
        };

        private static void CountUtf8(ReadOnlySpan<byte> body, out int sequences, out int errors)
        {
            sequences = 0;
            errors = 0;
            var i = 0;
            while (i < body.Length)
            {
                var b = body[i];
                if (b < 0x80)
                {
                    i++;
                    continue;
                }

                var need = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xC2 && b <= 0xDF ? 1 : -1;
                if (need < 0)
                {
                    errors++;
                    i++;
                    continue;
                }

                if (i + need >= body.Length)
                {
                    // A sequence cut off by a truncated body is not evidence against UTF-8.
                    break;
                }

                if (Utf8.IsValid(body.Slice(i, need + 1)))
                {
                    sequences++;
                    i += need + 1;
                }
                else
                {
                    errors++;
                    i++;
                }
            }
        }
    }
}
