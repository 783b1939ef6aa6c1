namespace EncordSpec.TestSeeder;

/// <summary>The named object sets tests seed.</summary>
public static class SeedSets
{
    /// <summary>Keys that URL encoding gets wrong easily: spaces, '+', '%', '#', '(', ')', non-ASCII letters,
    /// reserved characters, a 0-byte object, a DICOM file known only by its content type, and a folder placeholder
    /// (which listings must skip). No emoji: s3rver loses keys outside the BMP across pages.</summary>
    public static IReadOnlyList<SeedObject> Special(string prefix = "special/") => new SeedObject[]
    {
        new(prefix + "a file with spaces.jpg", 11),
        new(prefix + "plus+sign+.png", 12),
        new(prefix + "percent%20literal%2F%.jpg", 13),
        new(prefix + "hash#frag.jpg", 14),
        new(prefix + "paren(1) (2).jpg", 15),
        new(prefix + "café-é.jpg", 16),
        new(prefix + "日本/日本語 ファイル.png", 17),
        new(prefix + "mix +%#()é日本 end.mp4", 18),
        new(prefix + "sub dir/nested + file.jpg", 19),
        new(prefix + "other&q=~'*:!$@,;.jpg", 20),
        new(prefix + "zero-byte.jpg", 0),
        new(prefix + "scan-0001", 21, "application/dicom"),
        new(prefix + "empty-folder/", 0),
    };

    /// <summary>The format page's S3 example, file for file: four root files and three image-group folders.</summary>
    public static IReadOnlyList<SeedObject> FoodDataset()
    {
        var objects = new List<SeedObject> { new("Image1.png", 101), new("Image2.png", 102), new("Cooking.mp4", 103), new("Oranges.mp4", 104) };
        void Folder(string folder, int series, int last)
        {
            for (int n = 32; n <= last; n++)
                objects.Add(new SeedObject($"food-dataset/Apple/{folder}/{series} ({n}).jpg", 200 + n));
        }
        Folder("1-Samsung-S4-Light Environment", 1, 35);
        Folder("2-samsung-S4-Dark Environment", 2, 35);
        Folder("3-IOS-4-Light Environment", 3, 33);
        return objects;
    }

    /// <summary><paramref name="count"/> small images directly under <paramref name="prefix"/>: more than one page.</summary>
    public static IReadOnlyList<SeedObject> Bulk(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => new SeedObject($"{prefix}item-{i:D5}.jpg", 1 + i % 50)).ToArray();

    /// <summary>Objects of 64 bytes with the given keys.</summary>
    public static IReadOnlyList<SeedObject> Named(IEnumerable<string> keys) => keys.Select(k => new SeedObject(k, 64)).ToArray();

    /// <summary>Resolves "special[:PREFIX]", "food", "bulk:PREFIX:COUNT" and "names:KEY;KEY;..." (comma-separated) into one list.</summary>
    public static IReadOnlyList<SeedObject> Parse(string names)
    {
        var objects = new List<SeedObject>();
        foreach (string name in names.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = name.Split(':');
            objects.AddRange(parts[0] switch
            {
                "special" => Special(parts.Length > 1 ? parts[1] : "special/"),
                "food" => FoodDataset(),
                "bulk" => Bulk(parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)),
                "names" => Named(name.Substring("names:".Length).Split(';', StringSplitOptions.RemoveEmptyEntries)),
                _ => throw new ArgumentException($"Unknown seed set '{name}'. Use special[:PREFIX], food, bulk:PREFIX:COUNT, names:KEY;KEY."),
            });
        }
        return objects;
    }
}
