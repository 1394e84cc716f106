using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Discourse.Classification.Features;
using Discourse.Core.Documents;

namespace Discourse.Classification.Modeling;

/// <summary>
/// The model file: magic <c>DSCFRMDL</c>, format version (int32), a JSON header (int32 length + UTF-8), the vocabulary
/// buckets (int32), IDF (float32) and weights (float32, slot-major), all little-endian, then the SHA-256 of everything
/// before it. Writing is deterministic: the same model gives the same bytes.
/// </summary>
internal static class ModelFile
{
    public const int FormatVersion = 1;

    /// <summary>Bumped whenever featurisation changes so that older models are refused instead of silently mis-scoring.</summary>
    public const int FeatureVersion = 1;

    private static readonly byte[] Magic = "DSCFRMDL"u8.ToArray();

    public static byte[] Write(FramingModel model, string modelName)
    {
        var payload = Payload(model);
        var version = modelName + "." + Convert.ToHexStringLower(SHA256.HashData(payload).AsSpan(0, 6));
        var header = Header(model, version);
        using var stream = new MemoryStream();
        stream.Write(Magic);
        WriteInt(stream, FormatVersion);
        WriteInt(stream, header.Length);
        stream.Write(header);
        stream.Write(payload);
        var body = stream.ToArray();
        return [.. body, .. SHA256.HashData(body)];
    }

    /// <summary>The version string a model's bytes carry (<c>name.hash12</c>).</summary>
    public static (FramingModel Model, string Version) Read(byte[] bytes, string path)
    {
        if (bytes.Length < Magic.Length + 8 + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new ModelLoadException($"{path} is not a Discourse framing model (no DSCFRMDL header). Pass a file written by `discourse train`.");
        }

        var body = bytes.AsSpan(0, bytes.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
        {
            throw new ModelLoadException($"{path} is corrupt: its SHA-256 checksum does not match its contents. Restore it from git or retrain with `discourse train`.");
        }

        var format = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (format != FormatVersion)
        {
            throw new ModelLoadException($"{path} has model format version {format}; this build reads version {FormatVersion}. Retrain with `discourse train`.");
        }

        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        if (headerLength <= 0 || 16 + headerLength > body.Length)
        {
            throw new ModelLoadException($"{path} is corrupt: header length {headerLength} exceeds the file.");
        }

        try
        {
            using var json = JsonDocument.Parse(bytes.AsMemory(16, headerLength));
            var root = json.RootElement;
            var featureVersion = root.GetProperty("feature_version").GetInt32();
            if (featureVersion != FeatureVersion)
            {
                throw new ModelLoadException($"{path} was trained with feature version {featureVersion}; this build extracts features as version {FeatureVersion}. Retrain with `discourse train`.");
            }

            var labels = root.GetProperty("labels").EnumerateArray().Select(e => e.GetString()).ToArray();
            if (!labels.SequenceEqual(FramingNames.All.Select(f => f.Name())))
            {
                throw new ModelLoadException($"{path} scores labels [{string.Join(", ", labels)}]; this build expects [{string.Join(", ", FramingNames.All.Select(f => f.Name()))}]. Retrain with `discourse train`.");
            }

            var settings = new FeatureSettings(
                root.GetProperty("hash_bits").GetInt32(),
                root.GetProperty("char_min").GetInt32(),
                root.GetProperty("char_max").GetInt32(),
                root.GetProperty("word_bigrams").GetBoolean(),
                root.GetProperty("partition_by_language").GetBoolean());
            var vocabularySize = root.GetProperty("vocabulary_size").GetInt32();
            var expected = 16 + headerLength + ((long)vocabularySize * 4 * (2 + FramingModel.LabelCount));
            if (vocabularySize < 0 || expected != body.Length)
            {
                throw new ModelLoadException($"{path} is corrupt: a vocabulary of {vocabularySize} needs {expected} bytes before the checksum, found {body.Length}.");
            }

            var offset = 16 + headerLength;
            var buckets = new int[vocabularySize];
            var idf = new float[vocabularySize];
            var weights = new float[vocabularySize * FramingModel.LabelCount];
            for (var i = 0; i < buckets.Length; i++, offset += 4)
            {
                buckets[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));
            }

            for (var i = 0; i < idf.Length; i++, offset += 4)
            {
                idf[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset));
            }

            for (var i = 0; i < weights.Length; i++, offset += 4)
            {
                weights[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset));
            }

            var model = new FramingModel(
                settings,
                root.GetProperty("max_window_sentences").GetInt32(),
                buckets,
                idf,
                weights,
                [.. root.GetProperty("intercepts").EnumerateArray().Select(e => e.GetDouble())],
                [.. root.GetProperty("thresholds").EnumerateArray().Select(e => e.GetDouble())]);
            return (model, root.GetProperty("model_version").GetString()!);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new ModelLoadException($"{path} has an invalid header ({ex.Message}). Retrain with `discourse train`.", ex);
        }
    }

    private static byte[] Payload(FramingModel model)
    {
        var payload = new byte[model.VocabularyBuckets.Length * 4 * (2 + FramingModel.LabelCount)];
        var offset = 0;
        foreach (var bucket in model.VocabularyBuckets)
        {
            BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(offset), bucket);
            offset += 4;
        }

        foreach (var value in model.Idf)
        {
            BinaryPrimitives.WriteSingleLittleEndian(payload.AsSpan(offset), value);
            offset += 4;
        }

        foreach (var value in model.Weights)
        {
            BinaryPrimitives.WriteSingleLittleEndian(payload.AsSpan(offset), value);
            offset += 4;
        }

        return payload;
    }

    private static byte[] Header(FramingModel model, string version)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("model_version", version);
            writer.WriteNumber("feature_version", FeatureVersion);
            writer.WriteStartArray("labels");
            foreach (var framing in FramingNames.All)
            {
                writer.WriteStringValue(framing.Name());
            }

            writer.WriteEndArray();
            writer.WriteNumber("hash_bits", model.Features.HashBits);
            writer.WriteNumber("char_min", model.Features.CharMin);
            writer.WriteNumber("char_max", model.Features.CharMax);
            writer.WriteBoolean("word_bigrams", model.Features.WordBigrams);
            writer.WriteBoolean("partition_by_language", model.Features.PartitionByLanguage);
            writer.WriteNumber("max_window_sentences", model.MaxWindowSentences);
            writer.WriteNumber("vocabulary_size", model.VocabularyBuckets.Length);
            WriteArray(writer, "intercepts", model.Intercepts);
            WriteArray(writer, "thresholds", model.Thresholds);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, double[] values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteInt(Stream stream, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
        stream.Write(buffer);
    }
}
