using System.Collections.Specialized;
using System.Text;
using System.Text.Json;

namespace EncordSpec.Tests.Writing;

public class SpecJsonWriterTests
{
    private static string Write(IEnumerable<EncordDataItem> items, SpecWriterOptions? options = null)
    {
        using var output = new MemoryStream();
        using (var writer = SpecJsonWriter.InMemory(options ?? new SpecWriterOptions()))
        {
            foreach (var item in items)
                writer.Add(item);
            writer.Complete(output);
        }
        return new UTF8Encoding(false).GetString(output.ToArray());
    }

    private static EncordImageGroup Group(string title, bool createVideo, params string[] urls) =>
        new() { Title = title, CreateVideo = createVideo, ObjectUrls = urls };

    [Fact]
    public void Rebuilds_the_page_s3_example_with_the_same_keys_values_and_order()
    {
        const string root = "https://cord-dev.s3.eu-west-2.amazonaws.com/";
        const string apple = root + "food-dataset/Apple/";
        // Items arrive interleaved; the writer still emits images, videos, image_groups as the page does.
        var items = new EncordDataItem[]
        {
            new EncordVideo(root + "Cooking.mp4"),
            new EncordImage(root + "Image1.png"),
            Group("apple-samsung-light", true, Enumerable.Range(32, 4).Select(n => $"{apple}1-Samsung-S4-Light+Environment/1+({n}).jpg").ToArray()),
            new EncordImage(root + "Image2.png"),
            new EncordVideo(root + "Oranges.mp4"),
            Group("apple-samsung-dark", true, Enumerable.Range(32, 4).Select(n => $"{apple}2-samsung-S4-Dark+Environment/2+({n}).jpg").ToArray()),
            Group("apple-ios-light", false, Enumerable.Range(32, 2).Select(n => $"{apple}3-IOS-4-Light+Environment/3+({n}).jpg").ToArray()),
        };

        JsonAssert.Equivalent(TestData.PageExample("s3-example.json"), Write(items));
    }

    [Fact]
    public void Rebuilds_the_page_otc_dicom_example()
    {
        var series = new EncordDicomSeries
        {
            Title = "OPEN_TELEKOM_DICOM_SERIES",
            ObjectUrls = Enumerable.Range(0, 4).Select(n => $"https://bucket-name.obs.eu-de.otc.t-systems.com/dicom-file-{n}").ToArray(),
        };
        JsonAssert.Equivalent(TestData.PageExample("otc-example.json"), Write(new[] { series }));
    }

    [Fact]
    public void Writes_createVideo_always_and_title_only_when_given()
    {
        string json = Write(new EncordDataItem[] { new EncordImage("https://b.s3.eu-west-1.amazonaws.com/a.jpg"), Group("g", true, "gs://b/1.jpg") });
        using var document = JsonDocument.Parse(json);
        var image = document.RootElement.GetProperty("images")[0];
        Assert.False(image.TryGetProperty("title", out _));
        var group = document.RootElement.GetProperty("image_groups")[0];
        Assert.True(group.GetProperty("createVideo").GetBoolean());
        Assert.Equal(new[] { "title", "createVideo", "objectUrl_0" }, group.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Writes_the_top_level_flags_after_the_sections()
    {
        string json = Write(new[] { new EncordVideo("gs://b/v.mp4") }, new SpecWriterOptions { SkipDuplicateUrls = true, UpsertMetadata = true });
        using var document = JsonDocument.Parse(json);
        Assert.Equal(new[] { "videos", "skip_duplicate_urls", "upsert_metadata" }, document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.True(document.RootElement.GetProperty("skip_duplicate_urls").GetBoolean());
    }

    [Fact]
    public void Indents_by_four_spaces_with_unix_line_ends_and_no_needless_escapes()
    {
        string json = Write(new[] { new EncordImage("https://a.blob.core.windows.net/c/caf%C3%A9+1.jpg") { Title = "café <1> & \"2\"" } });
        Assert.Equal(
            "{\n    \"images\": [\n        {\n            \"objectUrl\": \"https://a.blob.core.windows.net/c/caf%C3%A9+1.jpg\",\n" +
            "            \"title\": \"café <1> & \\\"2\\\"\"\n        }\n    ]\n}\n", json);
    }

    [Fact]
    public void Writes_metadata_trees_with_their_key_order_and_value_types()
    {
        var metadata = new OrderedDictionary(StringComparer.Ordinal)
        {
            ["z"] = 1L, ["a"] = "text", ["nested"] = new OrderedDictionary(StringComparer.Ordinal) { ["ok"] = true, ["none"] = null },
            ["list"] = new object?[] { 1.5m, "x", false },
        };
        string json = Write(new[] { new EncordAudio("s3://b/a.mp3") { ClientMetadata = metadata } });
        using var document = JsonDocument.Parse(json);
        var written = document.RootElement.GetProperty("audio")[0].GetProperty("clientMetadata");
        Assert.Equal(new[] { "z", "a", "nested", "list" }, written.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, written.GetProperty("nested").GetProperty("none").ValueKind);
        Assert.Equal(1.5m, written.GetProperty("list")[0].GetDecimal());
    }

    [Fact]
    public void Writes_an_empty_spec_as_an_empty_object()
    {
        Assert.Equal("{}\n", Write(Array.Empty<EncordDataItem>()));
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var items = Enumerable.Range(0, 500).Select(i => (EncordDataItem)new EncordImage($"gs://b/{i}.png")).ToArray();
        Assert.Equal(Write(items), Write(items));
    }

    [Fact]
    public void Keeps_section_buffers_out_of_memory_when_given_files()
    {
        // With file-backed section buffers, 50,000 items pass through without the writer holding them.
        string folder = Directory.CreateTempSubdirectory("encordspec-").FullName;
        try
        {
            string target = Path.Combine(folder, "spec.json");
            using (var output = File.Create(target))
            using (var writer = new SpecJsonWriter(new SpecWriterOptions(),
                       _ => new FileStream(Path.Combine(folder, Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose)))
            {
                for (int i = 0; i < 50_000; i++)
                    writer.Add(i % 2 == 0 ? new EncordImage($"gs://b/{i}.png") : new EncordVideo($"gs://b/{i}.mp4"));
                writer.Complete(output);
                Assert.Equal(25_000, writer.Counts.Images);
            }
            using var document = JsonDocument.Parse(File.ReadAllText(target));
            Assert.Equal(25_000, document.RootElement.GetProperty("images").GetArrayLength());
            Assert.Equal(25_000, document.RootElement.GetProperty("videos").GetArrayLength());
            Assert.Single(Directory.GetFiles(folder)); // the section buffers deleted themselves
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
