using System.Collections.Specialized;
using System.Text;
using CsCheck;
using EncordSpec.Tests.Validation;

namespace EncordSpec.Tests.Writing;

/// <summary>Any spec the writers make from random valid items (every data type, groups, media metadata, client
/// metadata of random JSON values, the numbers among them) passes validation without errors, and read and
/// written again is the same bytes.</summary>
public class WrittenSpecPropertyTests
{
    private static readonly string[] Roots =
    {
        "https://bucket.s3.eu-west-2.amazonaws.com/", "s3://bucket/", "gs://bucket/", "https://acct.blob.core.windows.net/c/",
        "https://storage.cloud.google.com/b/", "https://bucket.obs.eu-de.otc.t-systems.com/",
    };

    private static readonly Gen<string> Path = Gen.Select(
        Gen.Int[0, Roots.Length - 1], Gen.Char["abz09-_.é日+"].Array[1, 8].Select(c => new string(c)).Array[1, 3],
        (root, parts) => Roots[root] + string.Join("/", parts));

    /// <summary>Text with what JSON and CSV must escape or quote: quotes, backslashes, commas, line ends, control
    /// characters other than NUL (jsonb stores them escaped), non-ASCII and a pair of surrogates.</summary>
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Char["ab \"\\,\r\n\t\u0001\u001f\u007féü日/"].Array[0, 10].Select(c => new string(c)),
        Gen.OneOf("", "\U0001F600", "a\u2028b", "<x>&'"), Gen.Char.Array[0, 6].Select(c => new string(c)));

    private static readonly Gen<object?> Number = Gen.OneOf(
        Gen.Long.Select(n => (object?)n),
        Gen.Decimal.Select(n => (object?)n),
        Gen.Double.Where(d => double.IsFinite(d)).Select(d => (object?)d),
        // Numbers as a spec may write them, read through the metadata reader so they keep their text.
        Gen.OneOf("1e-29", "5e-324", "-1e-300", "-0", "1E2", "12345678901234567890123456789012345678", "0.123456789012345678901234567890123456789")
            .Select(n => JsonTreeReader.ParseObject("{\"n\": " + n + "}")["n"]));

    private static readonly Gen<object?> Scalar = Gen.OneOf(Text.Select(s => (object?)s), Number, Gen.Bool.Select(b => (object?)b), Gen.Const((object?)null));

    private static Gen<object?> Value(int depth) => depth == 0 ? Scalar : Gen.Frequency(
        (6, Scalar),
        (1, Value(depth - 1).Array[0, 4].Select(a => (object?)a)),
        (1, Object(depth - 1).Select(o => (object?)o)));

    private static Gen<OrderedDictionary> Object(int depth) =>
        Gen.Select(Text, Value(depth)).Array[0, 5].Select(pairs =>
        {
            var result = new OrderedDictionary(StringComparer.Ordinal);
            foreach (var (key, value) in pairs)
                if (!result.Contains(key)) result.Add(key, value);
            return result;
        });

    private static readonly Gen<OrderedDictionary?> ClientMetadata = Gen.Frequency((1, Gen.Const((OrderedDictionary?)null)), (2, Object(2).Select(o => (OrderedDictionary?)o)));

    private static readonly Gen<MediaMetadata> ImageMetadata = Gen.Select(Gen.OneOf("image/jpeg", "image/png"), Gen.Long[0, long.MaxValue], Gen.Int[1, 100_000], Gen.Int[1, 100_000],
        (mime, size, width, height) => new MediaMetadata { MimeType = mime, FileSize = size, Width = width, Height = height });

    private static readonly Gen<EncordDataItem> Single = Gen.Select(Gen.Int[0, 5], Path, Text, Gen.Bool, ClientMetadata, ImageMetadata,
        (type, path, title, titled, metadata, image) => (EncordDataItem)(type switch
        {
            0 => new EncordImage(path + ".jpg") { Title = titled ? title : null, ClientMetadata = metadata, MediaMetadata = titled ? image : null },
            1 => new EncordVideo(path + ".mp4") { Title = titled ? title + ".mp4" : null, ClientMetadata = metadata },
            2 => new EncordAudio(path + ".mp3") { Title = titled ? title + ".wav" : null, ClientMetadata = metadata },
            3 => new EncordText(path + ".txt") { ClientMetadata = metadata },
            4 => new EncordPdf(path + ".pdf") { ClientMetadata = metadata },
            _ => new EncordNifti(path + ".nii.gz") { Title = titled ? title + ".nii" : null, ClientMetadata = metadata },
        }));

    private static readonly Gen<EncordDataItem> Group = Gen.Select(Gen.Bool, Path.Array[1, 6], Text, Gen.Bool, ClientMetadata,
        (image, paths, title, createVideo, metadata) =>
        {
            var urls = paths.Select(p => image ? p + ".png" : p).Distinct(StringComparer.Ordinal).ToArray();
            return image
                ? (EncordDataItem)new EncordImageGroup { Title = "g" + title, ObjectUrls = urls, CreateVideo = createVideo, ClientMetadata = metadata }
                : new EncordDicomSeries { Title = "s" + title, ObjectUrls = urls, ClientMetadata = metadata };
        });

    private static readonly Gen<EncordDataItem[]> Items = Gen.OneOf(Single, Group).Array[1, 12];

    [Fact]
    public void A_json_spec_the_writer_makes_passes_validation_and_reads_back_to_the_same_bytes()
    {
        Items.Where(items => items.All(i => SpecItemRules.Check(i) is null)).Sample(items =>
        {
            string json = WriteJson(items);
            var read = SpecReadResult.Read(json);
            Assert.True(read.Summary.Errors == 0, read.ToString());
            Assert.Equal(items.Length, read.Items.Count);
            Assert.Equal(json, WriteJson(read.Items));
        }, iter: 300, threads: 1, print: items => WriteJson(items));
    }

    [Fact]
    public void A_csv_spec_the_writer_makes_passes_validation_and_reads_back_to_the_same_bytes()
    {
        var csvItems = Gen.OneOf(
            Gen.Select(Path, Gen.Bool, (path, video) => video ? (EncordDataItem)new EncordVideo(path + ".mp4") : new EncordImage(path + ".jpg")),
            Gen.Select(Path.Array[1, 5], Text, Gen.Bool, (paths, title, createVideo) =>
                (EncordDataItem)new EncordImageGroup { Title = "g" + title, ObjectUrls = paths.Select(p => p + ".png").Distinct().ToArray(), CreateVideo = createVideo }))
            .Array[1, 12];
        // As ConvertTo-EncordSpec -Csv takes them: valid, and no second image group of a title (CsvGroupTitles).
        csvItems.Where(items =>
        {
            var titles = new CsvGroupTitles();
            return items.All(i => SpecItemRules.Check(i) is null && titles.Check(i) is null);
        }).Sample(items =>
        {
            string csv = WriteCsv(items);
            var read = SpecReadResult.Read(csv, SpecFormat.Csv);
            Assert.True(read.Summary.Errors == 0, read.ToString());
            Assert.Equal(csv, WriteCsv(read.Items));
        }, iter: 300, threads: 1, print: items => WriteCsv(items));
    }

    private static string WriteJson(IEnumerable<EncordDataItem> items)
    {
        using var output = new MemoryStream();
        using (var writer = SpecJsonWriter.InMemory(new SpecWriterOptions()))
        {
            foreach (var item in items) writer.Add(item);
            writer.Complete(output);
        }
        return new UTF8Encoding(false).GetString(output.ToArray());
    }

    private static string WriteCsv(IEnumerable<EncordDataItem> items)
    {
        using var output = new MemoryStream();
        using (var writer = new SpecCsvWriter(new MemoryStream()))
        {
            foreach (var item in items) writer.Add(item);
            writer.Complete(output);
        }
        return new UTF8Encoding(false).GetString(output.ToArray());
    }
}
