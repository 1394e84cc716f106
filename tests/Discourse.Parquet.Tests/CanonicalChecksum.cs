using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Discourse.Parquet.Tests;

/// <summary>
/// The parquet-check tool's value checksum, computed over our reader's rows, so our values can be compared with what
/// DuckDB read (MANIFEST.tsv records that checksum per file). Each value gets the tool's canonical JSON form (numbers as
/// JavaScript prints them, bytes as base64, timestamps with nine fraction digits, ...), each row is hashed, and the
/// sorted row hashes are hashed again, which makes the checksum independent of row order.
/// </summary>
internal static class CanonicalChecksum
{
    public static string Compute(IEnumerable<object?[]> rows)
    {
        var hashes = new List<string>();
        var json = new StringBuilder();
        foreach (var row in rows)
        {
            json.Clear();
            json.Append('[');
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    json.Append(',');
                }

                AppendCanonical(json, row[i]);
            }

            json.Append(']');
            hashes.Add(Sha256Hex(json.ToString()));
        }

        hashes.Sort(StringComparer.Ordinal);
        return Sha256Hex(string.Join('\n', hashes));
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static void AppendCanonical(StringBuilder json, object? value)
    {
        switch (value)
        {
            case null:
                json.Append("null");
                break;
            case bool b:
                json.Append(b ? "true" : "false");
                break;
            case string s:
                AppendString(json, s);
                break;
            case byte[] bytes:
                AppendString(json, Convert.ToBase64String(bytes));
                break;
            case Guid guid:
                AppendString(json, Convert.ToBase64String(guid.ToByteArray(bigEndian: true)));
                break;
            case float f:
                AppendString(json, JavaScriptNumber(f));
                break;
            case double d:
                AppendString(json, JavaScriptNumber(d));
                break;
            case Half h:
                AppendString(json, JavaScriptNumber((double)h));
                break;
            case decimal m:
                AppendString(json, DecimalText(m));
                break;
            case DateOnly date:
                AppendString(json, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset ts:
                AppendString(json, ts.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + ((ts.UtcTicks % TimeSpan.TicksPerSecond) * 100).ToString("D9", CultureInfo.InvariantCulture));
                break;
            case TimeSpan time:
                AppendString(json, $"{(int)time.TotalHours:D2}:{time.Minutes:D2}:{time.Seconds:D2}.{(time.Ticks % TimeSpan.TicksPerSecond) * 100:D9}");
                break;
            case System.Collections.IEnumerable list:
                json.Append('[');
                var first = true;
                foreach (var element in list)
                {
                    if (!first)
                    {
                        json.Append(',');
                    }

                    first = false;
                    AppendCanonical(json, element);
                }

                json.Append(']');
                break;
            case IFormattable integer:
                AppendString(json, integer.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"no canonical form for {value.GetType().Name}");
        }
    }

    private static string DecimalText(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text == "-0" ? "0" : text;
    }

    /// <summary>JSON.stringify of a string: quotes, backslash and control characters escaped, lone surrogates as \uXXXX.</summary>
    private static void AppendString(StringBuilder json, string s)
    {
        json.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        json.Append(c).Append(s[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        json.Append('"');
    }

    /// <summary>JavaScript's Number.prototype.toString for a double (ECMA-262 Number::toString, radix 10).</summary>
    public static string JavaScriptNumber(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        var sign = value < 0 ? "-" : "";
        // "E16" is not shortest; "R" is the shortest round-trip form. Split it into digits and a decimal exponent.
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        var dot = r.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? r[..dot] : r;
        var fracPart = dot >= 0 ? r[(dot + 1)..] : "";
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZerosRemoved = (intPart + fracPart).Length - digits.Length;
        // n: position of the decimal point relative to the start of the significant digits.
        var n = intPart.Length + exponent - leadingZerosRemoved;
        digits = digits.TrimEnd('0');
        var k = digits.Length;
        string body;
        if (k <= n && n <= 21)
        {
            body = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            body = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            body = "0." + new string('0', -n) + digits;
        }
        else
        {
            var exp = n - 1;
            var expText = (exp >= 0 ? "+" : "-") + Math.Abs(exp).ToString(CultureInfo.InvariantCulture);
            body = k == 1 ? digits + "e" + expText : digits[..1] + "." + digits[1..] + "e" + expText;
        }

        return sign + body;
    }
}
