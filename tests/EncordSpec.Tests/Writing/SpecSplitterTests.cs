using System.Text;
using EncordSpec.Tests.Validation;

namespace EncordSpec.Tests.Writing;

/// <summary>Where an input is split into specs: at the item and URL limits, in input order, never inside a group,
/// each spec complete and valid on its own, and each handed on as soon as it is full.</summary>
public class SpecSplitterTests
{
    /// <summary>Keeps each finished spec as text, with its number and whether it was the last.</summary>
    private sealed class Recorder : ISpecDestination
    {
        public List<(int Number, bool Last, string Text)> Specs { get; } = new();

        public Stream CreateBuffer() => new MemoryStream();

        public void Finish(ISpecWriter spec, int number, bool last)
        {
            using var text = new MemoryStream();
            spec.Complete(text);
            spec.Dispose();
            Specs.Add((number, last, Encoding.UTF8.GetString(text.ToArray())));
        }

        public IReadOnlyList<object> Complete() => Specs.Select(spec => (object)spec.Text).ToList();

        public void Dispose() { }
    }

    private static (Recorder Recorder, SpecSplitter Splitter) Split(int maxItems, int maxUrls = SpecLimits.MaxObjectUrlsPerFile,
        SpecFormat format = SpecFormat.Json, SpecWriterOptions? flags = null)
    {
        var recorder = new Recorder();
        return (recorder, new SpecSplitter(format, flags ?? new SpecWriterOptions(), new SpecFileLimits(maxItems, maxUrls), recorder));
    }

    private static List<string> Write(SpecSplitter splitter, IEnumerable<EncordDataItem> items, Recorder recorder)
    {
        foreach (var item in items)
            splitter.Add(item);
        splitter.Complete();
        return recorder.Specs.Select(spec => spec.Text).ToList();
    }

    private static EncordImage Image(int i) => new($"gs://b/{i}.jpg");

    private static EncordImageGroup Group(string title, int urls) =>
        new() { Title = title, ObjectUrls = Enumerable.Range(0, urls).Select(i => $"gs://b/{title}/{i}.jpg").ToArray() };

    /// <summary>Every object URL of a spec, read back by the module's own reader, which must find nothing wrong.</summary>
    private static List<string> UrlsOf(string spec, SpecFormat format = SpecFormat.Json)
    {
        var read = SpecReadResult.Read(spec, format);
        Assert.True(read.Findings.Count == 0, read.ToString());
        return read.Items.SelectMany(item => item is EncordGroupItem group ? group.ObjectUrls : new[] { ((EncordSingleItem)item).ObjectUrl }).ToList();
    }

    [Fact]
    public void An_input_within_the_limits_is_one_spec_the_last()
    {
        var (recorder, splitter) = Split(maxItems: 3);
        var specs = Write(splitter, Enumerable.Range(1, 3).Select(Image), recorder);
        Assert.Single(specs);
        Assert.Equal((1, true), (recorder.Specs[0].Number, recorder.Specs[0].Last));
        Assert.Equal(new[] { "gs://b/1.jpg", "gs://b/2.jpg", "gs://b/3.jpg" }, UrlsOf(specs[0]));
    }

    [Fact]
    public void A_new_spec_begins_where_the_next_item_would_exceed_the_item_limit()
    {
        var (recorder, splitter) = Split(maxItems: 3);
        var specs = Write(splitter, Enumerable.Range(1, 7).Select(Image), recorder);
        Assert.Equal(new[] { 3, 3, 1 }, specs.Select(spec => UrlsOf(spec).Count));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"gs://b/{i}.jpg"), specs.SelectMany(spec => UrlsOf(spec)));
        Assert.Equal(new[] { (1, false), (2, false), (3, true) }, recorder.Specs.Select(spec => (spec.Number, spec.Last)));
        Assert.Equal(3, splitter.Specs);
        Assert.Equal((7L, 7L), (splitter.Counts.Items, splitter.Counts.ObjectUrls));
    }

    [Fact]
    public void A_group_is_never_split_and_a_spec_may_reach_the_url_limit_exactly()
    {
        var (recorder, splitter) = Split(maxItems: 100, maxUrls: 5);
        // 3 + 1 + 1 = 5 URLs fit exactly; the group of 2 would make 7, so it opens the second spec.
        var specs = Write(splitter, new EncordDataItem[] { Group("a", 3), Image(1), Image(2), Group("b", 2), Group("c", 3), Group("d", 5) }, recorder);
        Assert.Equal(new[] { 5, 5, 5 }, specs.Select(spec => UrlsOf(spec).Count));
        Assert.Equal(new[] { "a", "b", "c", "d" }, specs.SelectMany(spec => SpecReadResult.Read(spec).Items.OfType<EncordImageGroup>().Select(g => g.Title!)));
    }

    [Fact]
    public void A_group_with_more_urls_than_a_file_may_hold_is_refused_naming_it()
    {
        var (_, splitter) = Split(maxItems: 100, maxUrls: 4);
        var error = Assert.Throws<InvalidOperationException>(() => splitter.Add(Group("too-big", 5)));
        Assert.Contains("'too-big'", error.Message);
        Assert.Equal(0, splitter.Counts.Items);
    }

    [Fact]
    public void Items_keep_their_input_order_across_specs_and_the_section_order_within_each()
    {
        var (recorder, splitter) = Split(maxItems: 3);
        var items = new EncordDataItem[]
        {
            new EncordVideo("gs://b/v1.mp4"), Image(1), new EncordVideo("gs://b/v2.mp4"), Image(2), Image(3),
        };
        var specs = Write(splitter, items, recorder);
        // The first three items make the first spec, images before videos as the format page orders its sections.
        Assert.Equal(new[] { "gs://b/1.jpg", "gs://b/v1.mp4", "gs://b/v2.mp4" }, UrlsOf(specs[0]));
        Assert.Equal(new[] { "gs://b/2.jpg", "gs://b/3.jpg" }, UrlsOf(specs[1]));
    }

    [Fact]
    public void Every_spec_repeats_the_top_level_flags()
    {
        var (recorder, splitter) = Split(maxItems: 2, flags: new SpecWriterOptions { SkipDuplicateUrls = true, UpsertMetadata = true });
        var specs = Write(splitter, Enumerable.Range(1, 5).Select(Image), recorder);
        Assert.Equal(3, specs.Count);
        foreach (string spec in specs)
        {
            using var document = System.Text.Json.JsonDocument.Parse(spec);
            Assert.True(document.RootElement.GetProperty("skip_duplicate_urls").GetBoolean());
            Assert.True(document.RootElement.GetProperty("upsert_metadata").GetBoolean());
        }
    }

    [Fact]
    public void Every_csv_spec_has_its_header_and_keeps_a_group_s_rows_together()
    {
        var (recorder, splitter) = Split(maxItems: 2, format: SpecFormat.Csv);
        var specs = Write(splitter, new EncordDataItem[] { Image(1), Group("g", 3), Image(2) }, recorder);
        Assert.Equal(2, specs.Count);
        Assert.All(specs, spec => Assert.StartsWith("ObjectUrl,Image group title,Create video\r\n", spec));
        Assert.Equal(new[] { "gs://b/1.jpg", "gs://b/g/0.jpg", "gs://b/g/1.jpg", "gs://b/g/2.jpg" }, UrlsOf(specs[0], SpecFormat.Csv));
        Assert.Equal(new[] { "gs://b/2.jpg" }, UrlsOf(specs[1], SpecFormat.Csv));
    }

    [Fact]
    public void A_full_spec_is_handed_on_when_the_next_item_arrives_not_at_the_end()
    {
        var (recorder, splitter) = Split(maxItems: 2);
        splitter.Add(Image(1));
        splitter.Add(Image(2));
        Assert.Empty(recorder.Specs); // full, but the input may end here: then it is the only spec
        splitter.Add(Image(3));
        Assert.Equal((1, false), (recorder.Specs.Single().Number, recorder.Specs.Single().Last));
        splitter.Complete();
        Assert.Equal(2, recorder.Specs.Count);
    }

    [Fact]
    public void An_empty_input_makes_one_empty_spec()
    {
        var (recorder, splitter) = Split(maxItems: 2);
        var specs = Write(splitter, Array.Empty<EncordDataItem>(), recorder);
        Assert.Equal("{}\n", Assert.Single(specs));
        Assert.True(recorder.Specs[0].Last);
    }

    [Fact]
    public void Abandoning_the_split_disposes_the_spec_being_filled_and_its_buffer()
    {
        var buffer = new MemoryStream();
        using (var splitter = new SpecSplitter(SpecFormat.Csv, new SpecWriterOptions(), new SpecFileLimits(2, 10), new SingleBuffer(buffer)))
            splitter.Add(Image(1));
        Assert.False(buffer.CanRead); // a disposed stream; for files, the hidden buffer file is deleted on close
    }

    private sealed class SingleBuffer(Stream buffer) : ISpecDestination
    {
        public Stream CreateBuffer() => buffer;
        public void Finish(ISpecWriter spec, int number, bool last) => throw new InvalidOperationException("not expected");
        public IReadOnlyList<object> Complete() => Array.Empty<object>();
        public void Dispose() { }
    }
}
