namespace EncordSpec.TestSeeder;

/// <summary>One object to seed: its key, its size in bytes, and the content type to store (null: the SDK's default).</summary>
public sealed record SeedObject(string Key, int Size, string? ContentType = null)
{
    /// <summary>Deterministic content of the object's size.</summary>
    public byte[] Body()
    {
        var body = new byte[Size];
        for (int i = 0; i < body.Length; i++)
            body[i] = (byte)('a' + (i + Key.Length) % 26);
        return body;
    }
}
