using System;
using System.Collections.Generic;

namespace EncordSpec.Format;

/// <summary>The JSON type a media metadata field must have.</summary>
internal enum MediaValueKind
{
    String,
    /// <summary>A whole number (the platform's int fields).</summary>
    Integer,
    /// <summary>Any number (the platform's float fields).</summary>
    Number,
    /// <summary>Anything else: true, false, null, an object or an array.</summary>
    Other,
}

/// <summary>The fields of imageMetadata, videoMetadata, audioMetadata, textMetadata and pdfMetadata, as the platform's
/// SDK defines them (CustomerProvidedImageMetadata, ...Video..., ...Audio..., ...Text..., ...Pdf...; NIfTI has none). All are required. The platform accepts the camelCase
/// and the snake_case spelling of each name and ignores other keys.</summary>
internal sealed class MediaMetadataSchema
{
    private static readonly MediaMetadataSchema Image = new(SpecKeys.ImageMetadata,
        ("mimeType", MediaValueKind.String), ("fileSize", MediaValueKind.Integer),
        ("height", MediaValueKind.Integer), ("width", MediaValueKind.Integer));

    private static readonly MediaMetadataSchema Video = new(SpecKeys.VideoMetadata,
        ("fps", MediaValueKind.Number), ("duration", MediaValueKind.Number), ("width", MediaValueKind.Integer),
        ("height", MediaValueKind.Integer), ("fileSize", MediaValueKind.Integer), ("mimeType", MediaValueKind.String));

    private static readonly MediaMetadataSchema Audio = new(SpecKeys.AudioMetadata,
        ("duration", MediaValueKind.Number), ("fileSize", MediaValueKind.Integer), ("mimeType", MediaValueKind.String),
        ("sampleRate", MediaValueKind.Integer), ("bitDepth", MediaValueKind.Integer), ("codec", MediaValueKind.String),
        ("numChannels", MediaValueKind.Integer));

    private static readonly MediaMetadataSchema Text = new(SpecKeys.TextMetadata,
        ("fileSize", MediaValueKind.Integer), ("mimeType", MediaValueKind.String));

    private static readonly MediaMetadataSchema Pdf = new(SpecKeys.PdfMetadata,
        ("fileSize", MediaValueKind.Integer), ("numPages", MediaValueKind.Integer));

    private readonly (string Name, string SnakeName, MediaValueKind Kind)[] fields;

    private MediaMetadataSchema(string key, params (string Name, MediaValueKind Kind)[] fields)
    {
        Key = key;
        KeyUtf8 = System.Text.Encoding.UTF8.GetBytes(key);
        this.fields = Array.ConvertAll(fields, f => (f.Name, ToSnakeCase(f.Name), f.Kind));
    }

    /// <summary>The item key: imageMetadata, videoMetadata, audioMetadata, textMetadata or pdfMetadata.</summary>
    public string Key { get; }

    /// <summary>The key as UTF-8 bytes, to compare with a JSON reader's raw property name.</summary>
    internal byte[] KeyUtf8 { get; }

    /// <summary>The camelCase field names, for messages and suggestions.</summary>
    public IEnumerable<string> FieldNames
    {
        get
        {
            foreach (var entry in fields)
                yield return entry.Name;
        }
    }

    /// <summary>The schema of a single-file section, or null for group sections and nifti.</summary>
    public static MediaMetadataSchema? For(SpecSection section) => section switch
    {
        SpecSection.Images => Image,
        SpecSection.Videos => Video,
        SpecSection.Audio => Audio,
        SpecSection.Text => Text,
        SpecSection.Pdf => Pdf,
        _ => null,
    };

    /// <summary>The index of the field a key names (either spelling), or -1 for a key the platform ignores.</summary>
    public int IndexOf(string key)
    {
        for (int i = 0; i < fields.Length; i++)
            if (key == fields[i].Name || key == fields[i].SnakeName)
                return i;
        return -1;
    }

    public int FieldCount => fields.Length;
    public string FieldName(int index) => fields[index].Name;
    public MediaValueKind FieldKind(int index) => fields[index].Kind;

    /// <summary>Whether a value of <paramref name="actual"/> kind fits field <paramref name="index"/>.</summary>
    public bool Accepts(int index, MediaValueKind actual) =>
        actual == fields[index].Kind || (fields[index].Kind == MediaValueKind.Number && actual == MediaValueKind.Integer);

    /// <summary>"a string", "a whole number", "a number", for messages.</summary>
    public static string Describe(MediaValueKind kind) => kind switch
    {
        MediaValueKind.String => "a string",
        MediaValueKind.Integer => "a whole number",
        MediaValueKind.Number => "a number",
        _ => "true, false, null, an object or an array",
    };

    private static string ToSnakeCase(string camel)
    {
        var text = new System.Text.StringBuilder(camel.Length + 4);
        foreach (char c in camel)
        {
            if (char.IsUpper(c))
                text.Append('_').Append(char.ToLowerInvariant(c));
            else
                text.Append(c);
        }
        return text.ToString();
    }
}
