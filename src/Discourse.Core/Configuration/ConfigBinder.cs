using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Discourse.Core.Configuration;

/// <summary>
/// Binds YAML mappings to the configuration records by reflection, so that a property added to a record (say a new
/// fetch setting) is a valid key at once. Keys are the snake_case property names; the checks that depend on meaning
/// are chosen by property name (see <see cref="ValidateString"/> and <see cref="ValidateNumber"/>), so a new
/// property named like an existing kind (<c>...Ms</c>, <c>...Bytes</c>, <c>Include</c>) is checked the same way.
/// Every problem is collected with its line and column; binding goes on after an error so one pass reports all.
/// </summary>
internal sealed partial class ConfigBinder(string file, string baseDirectory)
{
    // Numbers for which zero is a meaningful setting (no retry, no redirect; also every ...DelayMs: no delay); any other
    // count must be > 0.
    private static readonly HashSet<string> ZeroAllowed = new(StringComparer.Ordinal)
    {
        "MinDelayMs", "MaxRetries", "MaxRedirects",
    };

    // Numbers that may be negative: a seed is any int.
    private static readonly HashSet<string> SignAgnostic = new(StringComparer.Ordinal) { "Seed" };

    private static readonly string[] Codecs = ["snappy", "gzip", "uncompressed"];

    /// <summary>Every problem found so far, in the order found.</summary>
    public List<ConfigError> Errors { get; } = [];

    /// <summary>The configuration file as the user named it.</summary>
    public string File => file;

    /// <summary>Records a problem at <paramref name="node"/> (or at the top of the file when null).</summary>
    public void Error(YamlNode? node, string message, string fix)
    {
        var line = node is null ? 1 : (int)Math.Max(1, node.Start.Line);
        var column = node is null ? 1 : (int)Math.Max(1, node.Start.Column);
        Errors.Add(new ConfigError(file, line, column, message, fix));
    }

    /// <summary>True for the YAML null forms: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// The keys of <paramref name="type"/> (recursively) whose type the binder cannot read, as <c>key: Type</c>; empty
    /// when every key is readable. A test runs this over every source kind so a new property type is caught early.
    /// </summary>
    public static IReadOnlyList<string> UnsupportedKeys(Type type)
    {
        var problems = new List<string>();
        foreach (var member in MembersOf(type))
        {
            var target = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
            target = ListElementType(target) ?? target;
            if (target.IsClass && target != typeof(string) && target != typeof(Uri))
            {
                problems.AddRange(UnsupportedKeys(target).Select(p => $"{member.Key}.{p}"));
            }
            else if (!(target.IsEnum || ScalarTypes.Contains(target)))
            {
                problems.Add($"{member.Key}: {target.Name}");
            }
        }

        return problems;
    }

    private static readonly HashSet<Type> ScalarTypes =
    [
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(DateOnly), typeof(TimeSpan), typeof(Uri),
    ];

    /// <summary>The keys a record type accepts, in declaration order.</summary>
    public static IReadOnlyList<string> KeysOf(Type type) => MembersOf(type).Select(m => m.Key).ToList();

    /// <summary>
    /// Binds <paramref name="map"/> to a new <paramref name="type"/>; <paramref name="reservedKeys"/> are keys the caller
    /// handles itself (such as a source's <c>type</c>). Returns null when the mapping has errors.
    /// </summary>
    public object? Bind(Type type, YamlMappingNode map, string where, IReadOnlySet<string>? reservedKeys = null)
    {
        var members = MembersOf(type);
        var byKey = members.ToDictionary(m => m.Key, StringComparer.Ordinal);
        var values = new Dictionary<Member, object?>();
        var present = new HashSet<Member>();
        var errorsBefore = Errors.Count;

        foreach (var (keyNode, valueNode) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, $"A key in {where} is not a plain name.", "Write keys as plain words, e.g. 'name: value'.");
                continue;
            }

            if (reservedKeys?.Contains(key) == true)
            {
                continue;
            }

            if (!byKey.TryGetValue(key, out var member))
            {
                var allowed = members.Select(m => m.Key).Concat(reservedKeys ?? Enumerable.Empty<string>()).ToList();
                var suggestion = ConfigNames.Closest(key, allowed);
                Error(
                    keyNode,
                    $"Unknown key '{key}' in {where}." + (suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?"),
                    $"Use one of: {string.Join(", ", allowed)}; or remove the key (unknown keys are never ignored).");
                continue;
            }

            present.Add(member);
            if (Convert(member, member.Type, valueNode, where, out var value))
            {
                values[member] = value;
            }
        }

        foreach (var member in members.Where(m => m.Required && !present.Contains(m)))
        {
            Error(
                map,
                $"Missing required key '{member.Key}' in {where}; expected {Describe(member.Type)}.",
                $"Add '{member.Key}: ...' to {where}.");
        }

        if (Errors.Count > errorsBefore)
        {
            return null;
        }

        return Construct(type, members, values);
    }

    private static object Construct(Type type, IReadOnlyList<Member> members, Dictionary<Member, object?> values)
    {
        var constructor = PositionalConstructor(type);
        if (constructor is not null)
        {
            var arguments = members.Select(m => values.TryGetValue(m, out var v) ? v : m.DefaultValue).ToArray();
            return constructor.Invoke(arguments);
        }

        // Required members are a compile-time rule only, so reflection may create the record and set them one by one.
        var instance = Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"Cannot create {type.Name}.");
        foreach (var (member, value) in values)
        {
            member.Property!.SetValue(instance, value);
        }

        return instance;
    }

    private static ConstructorInfo? PositionalConstructor(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is not null)
        {
            return null;
        }

        return type.GetConstructors().Where(c => c.GetParameters().Length > 0).MaxBy(c => c.GetParameters().Length)
            ?? throw new InvalidOperationException($"{type.Name} has neither a parameterless nor a positional constructor.");
    }

    private static IReadOnlyList<Member> MembersOf(Type type)
    {
        var context = new NullabilityInfoContext();
        var constructor = PositionalConstructor(type);
        if (constructor is not null)
        {
            return constructor.GetParameters()
                .Select(p => new Member(
                    ConfigNames.ToSnakeCase(Capitalise(p.Name!)),
                    Capitalise(p.Name!),
                    p.ParameterType,
                    Required: !p.HasDefaultValue && !AllowsNull(p.ParameterType, context.Create(p)),
                    AllowsNull(p.ParameterType, context.Create(p)),
                    p.HasDefaultValue ? p.DefaultValue : null,
                    Property: null))
                .ToList();
        }

        // Base-class properties (id, name, ...) first, as users write them first.
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        return chain
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Select(p => new Member(
                ConfigNames.ToSnakeCase(p.Name),
                p.Name,
                p.PropertyType,
                Required: p.IsDefined(typeof(RequiredMemberAttribute), inherit: false),
                AllowsNull(p.PropertyType, context.Create(p)),
                DefaultValue: null,
                p))
            .ToList();
    }

    private static bool AllowsNull(Type type, NullabilityInfo info) =>
        Nullable.GetUnderlyingType(type) is not null || (!type.IsValueType && info.WriteState == NullabilityState.Nullable);

    private static string Capitalise(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private bool Convert(Member member, Type type, YamlNode node, string where, out object? value)
    {
        value = null;
        if (IsNull(node))
        {
            if (member.AllowsNull || Nullable.GetUnderlyingType(type) is not null)
            {
                return true;
            }

            Error(node, $"'{member.Key}' in {where} is empty; expected {Describe(type)}.", $"Give '{member.Key}' a value or remove the key to use the default.");
            return false;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        var elementType = ListElementType(target);
        if (elementType is not null)
        {
            return ConvertList(member, elementType, node, where, out value);
        }

        if (target.IsClass && target != typeof(string) && target != typeof(Uri))
        {
            if (node is not YamlMappingNode nested)
            {
                Error(node, $"'{member.Key}' in {where} must be a mapping of keys ({string.Join(", ", KeysOf(target))}).", $"Indent the settings under '{member.Key}:' on their own lines.");
                return false;
            }

            value = Bind(target, nested, $"'{member.Key}' of {where}");
            return value is not null;
        }

        if (node is not YamlScalarNode { Value: { } text })
        {
            Error(node, $"'{member.Key}' in {where} must be a single value; expected {Describe(type)}, found a {NodeKind(node)}.", $"Write '{member.Key}: <value>' on one line.");
            return false;
        }

        return ConvertScalar(member, target, text, node, where, out value);
    }

    private bool ConvertList(Member member, Type elementType, YamlNode node, string where, out object? value)
    {
        value = null;
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{member.Key}' in {where} must be a list of {Describe(elementType)}, found a {NodeKind(node)}.", $"Write it as a list: '{member.Key}: [a, b]' or one '- item' per line.");
            return false;
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        var ok = true;
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode { Value: { } text } || IsNull(item))
            {
                Error(item, $"An item of '{member.Key}' in {where} is not a single value; expected {Describe(elementType)}.", "Write one value per '- item' line.");
                ok = false;
                continue;
            }

            if (ConvertScalar(member, elementType, text, item, where, out var element))
            {
                list.Add(element);
            }
            else
            {
                ok = false;
            }
        }

        value = list;
        return ok;
    }

    private static Type? ListElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IList<>)
                || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private bool ConvertScalar(Member member, Type type, string text, YamlNode node, string where, out object? value)
    {
        value = null;
        var key = member.Key;
        if (type == typeof(string))
        {
            return ValidateString(member, text, node, where, out value);
        }

        if (type == typeof(bool))
        {
            if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
            {
                value = text.StartsWith('t') || text.StartsWith('T');
                return true;
            }

            Error(node, $"'{key}' in {where} is '{text}'; expected true or false.", $"Write '{key}: true' or '{key}: false'.");
            return false;
        }

        if (type == typeof(int) || type == typeof(long))
        {
            var parsed = member.ClrName.EndsWith("Bytes", StringComparison.Ordinal) ? ParseSize(text) : ParseInteger(text);
            var max = type == typeof(int) ? int.MaxValue : long.MaxValue;
            var min = type == typeof(int) ? int.MinValue : long.MinValue;
            if (parsed is null || parsed > max || parsed < min)
            {
                var sizeHint = member.ClrName.EndsWith("Bytes", StringComparison.Ordinal) ? " or a size such as 64MiB" : string.Empty;
                Error(node, $"'{key}' in {where} is '{text}'; expected a whole number{sizeHint}.", $"Write a number such as '{key}: 10'.");
                return false;
            }

            value = type == typeof(int) ? (object)(int)parsed.Value : parsed.Value;
            return ValidateNumber(member, (double)parsed.Value, node, where);
        }

        if (type == typeof(double))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                Error(node, $"'{key}' in {where} is '{text}'; expected a number.", $"Write a number such as '{key}: 2.5'.");
                return false;
            }

            value = number;
            return ValidateNumber(member, number, node, where);
        }

        if (type == typeof(DateOnly))
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Error(node, $"'{key}' in {where} is '{text}'; expected a date YYYY-MM-DD.", $"Write e.g. '{key}: 2014-01-31'.");
                return false;
            }

            value = date;
            return true;
        }

        if (type == typeof(TimeSpan))
        {
            var span = ParseDuration(text);
            if (span is null || span < TimeSpan.Zero)
            {
                Error(node, $"'{key}' in {where} is '{text}'; expected a duration such as 500ms, 30s, 5m or 1h.", $"Write e.g. '{key}: 30s'.");
                return false;
            }

            value = span.Value;
            return true;
        }

        if (type == typeof(Uri))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                Error(node, $"'{key}' in {where} has '{text}'; expected an absolute http:// or https:// URL.", "Write the full URL including the scheme, e.g. https://www.example.org/news/.");
                return false;
            }

            value = uri;
            return true;
        }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(ConfigNames.ToSnakeCase).ToList();
            var index = names.IndexOf(text);
            if (index < 0)
            {
                var suggestion = ConfigNames.Closest(text, names);
                Error(
                    node,
                    $"'{key}' in {where} is '{text}'; expected one of: {string.Join(", ", names)}." + (suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?"),
                    $"Write e.g. '{key}: {suggestion ?? names[0]}'.");
                return false;
            }

            value = Enum.GetValues(type).GetValue(index);
            return true;
        }

        throw new InvalidOperationException($"Configuration key '{key}' has type {type.Name}, which the loader cannot read yet; teach ConfigBinder.ConvertScalar.");
    }

    /// <summary>Checks a string by what its property means, and resolves relative paths.</summary>
    private bool ValidateString(Member member, string text, YamlNode node, string where, out object? value)
    {
        value = text;
        var name = member.ClrName;
        var key = member.Key;
        if (string.IsNullOrWhiteSpace(text))
        {
            Error(node, $"'{key}' in {where} is blank; expected {Describe(member.Type)}.", $"Give '{key}' a value or remove the key to use the default.");
            return false;
        }

        if (name == "Id" && !IdPattern().IsMatch(text))
        {
            Error(node, $"Id '{text}' in {where} has characters other than letters, digits, '-' and '_' (or does not start with a letter or digit).", "Use an id such as 'mid-press' or 'state_media_2'.");
            return false;
        }

        if (name == "Codec" && !Codecs.Contains(text))
        {
            Error(node, $"'{key}' in {where} is '{text}'; expected one of: {string.Join(", ", Codecs)}.", $"Write e.g. '{key}: snappy'.");
            return false;
        }

        if (name is "Include" or "Exclude" || name.EndsWith("Pattern", StringComparison.Ordinal) || name.EndsWith("Patterns", StringComparison.Ordinal))
        {
            try
            {
                _ = new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                Error(node, $"'{key}' in {where} has an invalid regular expression '{text}': {ex.Message}", "Fix the pattern (.NET regex syntax); escape literal dots and brackets with a backslash.");
                return false;
            }
        }

        if (name == "Paths")
        {
            var problem = GlobProblem(text);
            if (problem is not null)
            {
                Error(node, $"'{key}' in {where} has an invalid glob '{text}': {problem}.", "Use '*' within a folder name, '**' for any depth of folders, '?' for one character, e.g. corpora/site/*/articles/**/*.html.");
                return false;
            }

            value = Resolve(text);
        }
        else if (name.EndsWith("Path", StringComparison.Ordinal) || name.EndsWith("Dir", StringComparison.Ordinal) || name.EndsWith("Directory", StringComparison.Ordinal))
        {
            value = Resolve(text);
        }

        return true;
    }

    /// <summary>Makes a path absolute against the config file's folder; absolute paths are kept.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));

    private bool ValidateNumber(Member member, double number, YamlNode node, string where)
    {
        if (SignAgnostic.Contains(member.ClrName))
        {
            return true;
        }

        var zeroAllowed = ZeroAllowed.Contains(member.ClrName) || member.ClrName.EndsWith("DelayMs", StringComparison.Ordinal);
        if (number < 0 || (number == 0 && !zeroAllowed))
        {
            var bound = zeroAllowed ? "zero or more" : "greater than zero";
            Error(node, $"'{member.Key}' in {where} is {number.ToString(CultureInfo.InvariantCulture)}; expected a number {bound}.", $"Set '{member.Key}' to a number {bound}, or remove it to use the default.");
            return false;
        }

        return true;
    }

    /// <summary>Why a glob is malformed, or null when it is fine.</summary>
    internal static string? GlobProblem(string glob)
    {
        if (glob.Contains('\0', StringComparison.Ordinal))
        {
            return "it contains a NUL character";
        }

        var depth = 0;
        var braces = 0;
        foreach (var c in glob)
        {
            switch (c)
            {
                case '[': depth++; break;
                case ']' when depth > 0: depth--; break;
                case '{': braces++; break;
                case '}' when braces > 0: braces--; break;
            }
        }

        if (depth != 0)
        {
            return "a '[' has no matching ']'";
        }

        if (braces != 0)
        {
            return "a '{' has no matching '}'";
        }

        foreach (var segment in glob.Split('/', '\\'))
        {
            if (segment.Contains("**", StringComparison.Ordinal) && segment != "**")
            {
                return $"'**' must be a whole path segment (as in a/**/b), not part of '{segment}'";
            }
        }

        return null;
    }

    private static long? ParseInteger(string text) =>
        long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Parses a byte size: a plain number, or a number with B, KB, KiB, MB, MiB, GB or GiB.</summary>
    internal static long? ParseSize(string text)
    {
        var match = SizePattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        if (!decimal.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        decimal multiplier = match.Groups["u"].Value.ToUpperInvariant() switch
        {
            "" or "B" => 1m,
            "KB" => 1_000m,
            "KIB" => 1_024m,
            "MB" => 1_000_000m,
            "MIB" => 1_048_576m,
            "GB" => 1_000_000_000m,
            "GIB" => 1_073_741_824m,
            _ => 0m,
        };
        var bytes = number * multiplier;
        return multiplier == 0m || bytes != decimal.Truncate(bytes) || bytes > long.MaxValue || bytes < long.MinValue ? null : (long)bytes;
    }

    private static TimeSpan? ParseDuration(string text)
    {
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        return match.Groups["u"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "" or "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => null,
        };
    }

    private static string Describe(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var element = ListElementType(target);
        if (element is not null)
        {
            return $"a list (each item {Describe(element)})";
        }

        if (target.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(target).Select(ConfigNames.ToSnakeCase));
        }

        return target switch
        {
            _ when target == typeof(string) => "a text value",
            _ when target == typeof(bool) => "true or false",
            _ when target == typeof(int) || target == typeof(long) => "a whole number",
            _ when target == typeof(double) => "a number",
            _ when target == typeof(DateOnly) => "a date YYYY-MM-DD",
            _ when target == typeof(TimeSpan) => "a duration such as 30s",
            _ when target == typeof(Uri) => "an absolute http(s) URL",
            _ => $"a mapping with keys {string.Join(", ", KeysOf(target))}",
        };
    }

    private static string NodeKind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "single value",
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(?<n>[+-]?[0-9]+(\.[0-9]+)?)\s*(?<u>[A-Za-z]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)\s*(?<u>ms|s|m|h|)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    /// <summary>One bindable key of a record: a settable property or a positional constructor parameter.</summary>
    private sealed record Member(string Key, string ClrName, Type Type, bool Required, bool AllowsNull, object? DefaultValue, PropertyInfo? Property);
}
