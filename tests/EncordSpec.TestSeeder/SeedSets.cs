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

    /// <summary>A folder tree for parallel listings: the prefix's own objects before and after its folders, twelve
    /// folders of 8 to 41 objects, three with subfolders (which sort before their folder's own objects) and one deeper
    /// level, and folders with a space and non-ASCII letters in their names. 372 objects. (No object named like a
    /// folder plus '.' or '+', such as 'f05.jpg' beside 'f05/': s3rver loses those when it resumes after a page.)</summary>
    public static IReadOnlyList<SeedObject> Tree(string prefix)
    {
        var keys = new List<string> { $"{prefix}a.jpg", $"{prefix}zz end.png" };
        for (int f = 0; f < 12; f++)
        {
            string folder = $"{prefix}f{f:D2}/";
            keys.AddRange(Enumerable.Range(0, 8 + 3 * f).Select(i => $"{folder}img {i:D3}.jpg"));
            if (f % 4 != 3)
                continue;
            for (int s = 0; s < 3; s++)
                keys.AddRange(Enumerable.Range(0, 6).Select(i => $"{folder}cam{s}/frame-{i}.png"));
            keys.AddRange(Enumerable.Range(0, 4).Select(i => $"{folder}cam0/t/deep {i}.png"));
        }
        keys.AddRange(Enumerable.Range(0, 5).Select(i => $"{prefix}café/é{i}.jpg"));
        keys.AddRange(Enumerable.Range(0, 5).Select(i => $"{prefix}日本 x/写真{i}.jpg"));
        return Named(keys);
    }

    /// <summary>One folder holding most objects (its own, and in subfolders, one of them deeper) beside four small
    /// folders and one object. 383 objects.</summary>
    public static IReadOnlyList<SeedObject> Skewed(string prefix)
    {
        var keys = new List<string>();
        keys.AddRange(Enumerable.Range(0, 5).Select(i => $"{prefix}big/a{i:D3}.jpg"));
        for (int d = 0; d < 5; d++)
            keys.AddRange(Enumerable.Range(0, 60).Select(i => $"{prefix}big/d{d}/{i:D3}.jpg"));
        keys.AddRange(Enumerable.Range(0, 30).Select(i => $"{prefix}big/d2/deep/{i:D3}.jpg"));
        keys.AddRange(Enumerable.Range(0, 35).Select(i => $"{prefix}big/z{i:D3}.jpg"));
        for (int s = 0; s < 4; s++)
            keys.AddRange(Enumerable.Range(0, 3).Select(i => $"{prefix}s{s}/{i}.jpg"));
        keys.Add($"{prefix}top.jpg");
        return Named(keys);
    }

    /// <summary><paramref name="folders"/> folders of <paramref name="perFolder"/> small images each (the benchmarks' bucket).</summary>
    public static IReadOnlyList<SeedObject> Grid(int folders, int perFolder) =>
        Enumerable.Range(0, folders * perFolder)
            .Select(n => new SeedObject($"folder-{n / perFolder:D3}/img-{n % perFolder:D5}.jpg", 1 + n % 50)).ToArray();

    /// <summary>Objects of 64 bytes with the given keys; a key ending in '/' is a folder placeholder of 0 bytes, as the
    /// S3 console's "Create folder" makes.</summary>
    public static IReadOnlyList<SeedObject> Named(IEnumerable<string> keys) =>
        keys.Select(k => new SeedObject(k, k.EndsWith('/') ? 0 : 64)).ToArray();

    /// <summary>Every file of a folder (but its README.md), with its own bytes, under the prefix: real media files.</summary>
    public static IReadOnlyList<SeedObject> Files(string prefix, string folder) =>
        Directory.GetFiles(folder).Where(path => Path.GetFileName(path) != "README.md").Order(StringComparer.Ordinal)
            .Select(path => SeedObject.FromFile(prefix + Path.GetFileName(path), path)).ToArray();

    /// <summary>DICOM files of 256 bytes with the given keys: the 128-byte preamble, then the DICM marker.</summary>
    public static IReadOnlyList<SeedObject> Dicom(IEnumerable<string> keys) => keys.Select(k =>
    {
        var content = new byte[256];
        System.Text.Encoding.ASCII.GetBytes("DICM").CopyTo(content, 128);
        return new SeedObject(k, content.Length, null, content);
    }).ToArray();

    /// <summary>Resolves "special[:PREFIX]", "food", "bulk:PREFIX:COUNT", "names:KEY;KEY;...", "dicom:KEY;KEY;...", "tree[:PREFIX]",
    /// "skewed[:PREFIX]", "grid:FOLDERS:PER_FOLDER" and "files:PREFIX:FOLDER" (comma-separated) into one list.</summary>
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
                "dicom" => Dicom(name.Substring("dicom:".Length).Split(';', StringSplitOptions.RemoveEmptyEntries)),
                "tree" => Tree(parts.Length > 1 ? parts[1] : ""),
                "skewed" => Skewed(parts.Length > 1 ? parts[1] : ""),
                "files" => Files(parts[1], name.Substring("files:".Length + parts[1].Length + 1)),
                "grid" => Grid(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)),
                _ => throw new ArgumentException($"Unknown seed set '{name}'. Use special[:PREFIX], food, bulk:PREFIX:COUNT, names:KEY;KEY, tree[:PREFIX], skewed[:PREFIX], grid:FOLDERS:PER_FOLDER, files:PREFIX:FOLDER."),
            });
        }
        return objects;
    }
}
