using System.Collections.Specialized;
using System.Text;

namespace EncordSpec.Tests.Validation;

/// <summary>Valid specs of any size, made with the module's writers from generated items: every section, titles,
/// client metadata of all JSON kinds (nested objects and arrays, non-ASCII and escaped text, long, decimal and
/// huge numbers, booleans, null) and media metadata. The same seed gives the same spec.</summary>
internal static class GeneratedSpecs
{
    public static List<EncordDataItem> Items(int count, int seed, bool csvOnly = false)
    {
        var random = new Random(seed);
        var items = new List<EncordDataItem>(count);
        for (int i = 0; i < count; i++)
        {
            int kind = random.Next(csvOnly ? 3 : 8);
            string baseUrl = $"https://bucket-{i % 7}.s3.eu-west-{1 + i % 3}.amazonaws.com/set/{i}";
            EncordDataItem item = kind switch
            {
                0 => new EncordImage(baseUrl + "/frame é+(1).jpg".Replace(" ", "%20")),
                1 => new EncordVideo($"s3://bucket-{i % 5}/clips/{i}/clip.mp4"),
                2 => new EncordImageGroup
                {
                    Title = $"group {i} «{i % 13}»",
                    CreateVideo = random.Next(2) == 0,
                    ObjectUrls = Enumerable.Range(0, 1 + random.Next(6)).Select(n => $"gs://photos-{i % 3}/g{i}/{n}.png").ToArray(),
                },
                3 => new EncordDicomSeries
                {
                    Title = $"series {i}",
                    ObjectUrls = Enumerable.Range(0, 1 + random.Next(4)).Select(n => $"https://scans.obs.eu-de.otc.t-systems.com/s{i}/1.2.840.{n}").ToArray(),
                },
                5 => new EncordText($"gs://docs-{i % 3}/notes/{i}.md"),
                6 => new EncordPdf($"https://docs.obs.eu-de.otc.t-systems.com/reports/{i}.pdf"),
                7 => new EncordNifti($"s3://scans-{i % 2}/mri/{i}.nii.gz"),
                _ => new EncordAudio($"https://acct{i % 4}.blob.core.windows.net/audio/{i}.wav"),
            };
            if (!csvOnly)
            {
                // Titles keep the extension the platform's SDK asks of video, audio and NIfTI titles.
                if (item is EncordSingleItem titled && random.Next(3) == 0) item.Title = $"title \"{i}\" \u2028 tab\t" + TitleExtension(titled);
                if (random.Next(2) == 0) item.ClientMetadata = Metadata(random, i);
                if (item is EncordSingleItem single and not EncordNifti && random.Next(4) == 0) single.MediaMetadata = Media(single);
            }
            items.Add(item);
        }
        return items;
    }

    public static string Json(int count, int seed, bool skipDuplicateUrls = false) =>
        Write(Items(count, seed), csv: false, skipDuplicateUrls);

    public static string Csv(int count, int seed) => Write(Items(count, seed, csvOnly: true), csv: true, false);

    public static string Write(IEnumerable<EncordDataItem> items, bool csv, bool skipDuplicateUrls)
    {
        using var output = new MemoryStream();
        using (ISpecWriter writer = csv
            ? new SpecCsvWriter(new MemoryStream())
            : SpecJsonWriter.InMemory(new SpecWriterOptions { SkipDuplicateUrls = skipDuplicateUrls }))
        {
            foreach (var item in items)
                writer.Add(item);
            writer.Complete(output);
        }
        return new UTF8Encoding(false).GetString(output.ToArray());
    }

    private static OrderedDictionary Metadata(Random random, int i)
    {
        var nested = new OrderedDictionary { ["ok"] = true, ["none"] = null, ["list"] = new object?[] { 1L, "two", 3.5m, new OrderedDictionary { ["deep"] = "é😀" } } };
        return new OrderedDictionary
        {
            ["id"] = (long)i,
            ["negative"] = -1234567890123L,
            ["ratio"] = 0.125m,
            ["huge"] = 1e300,
            ["text"] = $"line1\nline2 \"q\" <tag> & {random.Next()}",
            ["nested"] = nested,
            ["empty"] = new OrderedDictionary(),
            ["emptyList"] = Array.Empty<object?>(),
        };
    }

    private static string TitleExtension(EncordSingleItem item) => item switch
    {
        EncordVideo => ".mp4",
        EncordAudio => ".wav",
        EncordNifti => ".nii.gz",
        _ => "",
    };

    private static MediaMetadata Media(EncordSingleItem item) => item switch
    {
        EncordText => new MediaMetadata { FileSize = 512, MimeType = "text/markdown" },
        EncordPdf => new MediaMetadata { FileSize = 40960, PageCount = 12 },
        EncordImage => new MediaMetadata { MimeType = "image/jpeg", FileSize = 1024, Height = 480, Width = 640 },
        EncordVideo => new MediaMetadata { Fps = 29.97, Duration = 12, Width = 1920, Height = 1080, FileSize = 9000000, MimeType = "video/mp4" },
        _ => new MediaMetadata { Duration = 3.5, FileSize = 2048, MimeType = "audio/wav", SampleRate = 44100, BitDepth = 16, Codec = "pcm", Channels = 2 },
    };
}
