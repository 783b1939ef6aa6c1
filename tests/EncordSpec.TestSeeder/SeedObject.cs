namespace EncordSpec.TestSeeder;

/// <summary>One object to seed: its key, its size in bytes, and the content type to store (null: the SDK's default).
/// Its body is <paramref name="Content"/> when given (real files), else deterministic filler of its size.</summary>
public sealed record SeedObject(string Key, int Size, string? ContentType = null, byte[]? Content = null)
{
    /// <summary>A file's bytes under <paramref name="key"/>.</summary>
    public static SeedObject FromFile(string key, string path, string? contentType = null)
    {
        byte[] content = File.ReadAllBytes(path);
        return new SeedObject(key, content.Length, contentType, content);
    }

    public byte[] Body()
    {
        if (Content is not null)
            return Content;
        var body = new byte[Size];
        for (int i = 0; i < body.Length; i++)
            body[i] = (byte)('a' + (i + Key.Length) % 26);
        return body;
    }
}
