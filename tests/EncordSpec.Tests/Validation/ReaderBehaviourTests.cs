using System.Collections.Specialized;
using System.Text;

namespace EncordSpec.Tests.Validation;

/// <summary>How the readers behave beyond single rules: what items come out and with what, streaming, positions
/// across buffer refills, and inputs the fuzz test once broke.</summary>
public class ReaderBehaviourTests
{
    private const string Url = RuleCases.Url;

    [Fact]
    public void Items_carry_their_source_metadata_and_group_order()
    {
        string spec = "{\n\"videos\": [\n{\"objectUrl\": \"s3://b/v.mp4\", \"title\": \"clip.mp4\", \"clientMetadata\": {\"b\": 1, \"a\": [true, null, 2.5, \"x\"], \"n\": {\"z\": {}}}," +
                      " \"videoMetadata\": {\"fps\": 25, \"duration\": 1.5, \"width\": 2, \"height\": 3, \"fileSize\": 4, \"mimeType\": \"video/mp4\"}}\n],\n" +
                      "\"image_groups\": [\n{\"title\": \"g\", \"objectUrl_1\": \"s3://b/1.jpg\", \"objectUrl_0\": \"s3://b/0.jpg\"},\n" +
                      "{\"title\": \"h\", \"createVideo\": false, \"objectUrl_0\": \"s3://b/2.jpg\"}\n]\n}";
        var result = SpecReadResult.Read(spec, path: "/specs/x.json");

        var video = Assert.IsType<EncordVideo>(result.Items[0]);
        Assert.Equal("clip.mp4", video.Title);
        Assert.Equal(new object[] { "b", "a", "n" }, video.ClientMetadata!.Keys.Cast<object>());
        Assert.Equal(1L, video.ClientMetadata["b"]);
        Assert.Equal(new object?[] { true, null, 2.5m, "x" }, (object?[])video.ClientMetadata["a"]!);
        Assert.IsType<OrderedDictionary>(((OrderedDictionary)video.ClientMetadata["n"]!)["z"]);
        Assert.Equal(25d, video.MediaMetadata!.Fps);
        Assert.Equal(("video/mp4", 4L, 2, 3), (video.MediaMetadata.MimeType, video.MediaMetadata.FileSize, video.MediaMetadata.Width, video.MediaMetadata.Height));
        Assert.Equal("/specs/x.json", video.Source!.Path);
        Assert.Equal(SpecSection.Videos, video.Source.Section);
        Assert.Equal(0, video.Source.Index);
        Assert.Equal(3, video.Source.Line);

        var group = Assert.IsType<EncordImageGroup>(result.Items[1]);
        Assert.Equal(new[] { "s3://b/0.jpg", "s3://b/1.jpg" }, group.ObjectUrls); // by N, though out of order in the text
        Assert.True(group.CreateVideo); // the page's default
        Assert.Equal(6, group.Source!.Line);
        Assert.Equal(1, Assert.IsType<EncordImageGroup>(result.Items[2]).Source!.Index);
        Assert.False(((EncordImageGroup)result.Items[2]).CreateVideo);
        Assert.Equal(RuleIds.ObjectUrlKeyOrder, Assert.Single(result.Findings).RuleId);
    }

    [Theory]
    [InlineData("[1, 2,, 3]", "an array", 7)]           // broken after the first value started
    [InlineData("\"abc\" garbage", "a string", 7)]       // a whole value, then more
    [InlineData("\"abc\n garbage", "a string", 5)]      // the first value itself broken: no closing quote
    [InlineData("  42 }", "a number", 6)]
    public void A_top_level_that_is_not_an_object_also_gets_its_first_syntax_error(string spec, string described, int errorColumn)
    {
        var result = SpecReadResult.Read(spec);
        Assert.Equal(RuleIds.TopLevelNotObject, result.Findings[0].RuleId);
        Assert.Contains($"The spec is {described}", result.Findings[0].Message);
        Assert.Equal(spec.TakeWhile(c => c == ' ').Count() + 1, result.Findings[0].Column);
        var syntax = Assert.Single(result.Findings.Skip(1));
        Assert.Equal(RuleIds.InvalidJson, syntax.RuleId);
        Assert.Equal(errorColumn, syntax.Column);
    }

    [Fact]
    public void A_well_formed_top_level_that_is_not_an_object_gets_only_TopLevelNotObject()
    {
        Assert.Equal(new[] { RuleIds.TopLevelNotObject }, SpecReadResult.Read($"[{{\"objectUrl\": \"{Url}\"}}]\n").RuleIds);
    }

    [Fact]
    public void Items_that_break_rules_still_come_out_unless_a_part_could_not_be_read()
    {
        string spec = "{\"images\": [" +
                      "{\"objectUrl\": \"https://b.s3.eu-west-2.amazonaws.com/a b.jpg\"}," + // whitespace: comes out, to be repaired
                      "{\"objectUrl\": 42}," +                                                // not a string: cannot
                      "{\"objectUrl\": \"s3://b/c.jpg\", \"clientMetadata\": []}," +         // metadata not an object: cannot
                      "{\"objectUrl\": \"s3://b/d.jpg\", \"extra\": 1}" +                     // unknown key: comes out
                      "]}";
        var result = SpecReadResult.Read(spec);
        Assert.Equal(new[] { "https://b.s3.eu-west-2.amazonaws.com/a b.jpg", "s3://b/d.jpg" },
            result.Items.Cast<EncordSingleItem>().Select(i => i.ObjectUrl));
        Assert.Equal(new[] { RuleIds.ObjectUrlWhitespace, RuleIds.ObjectUrlNotString, RuleIds.ClientMetadataNotObject, RuleIds.UnknownItemKey },
            result.RuleIds);
    }

    [Fact]
    public void Csv_rows_become_items_by_title_and_extension()
    {
        string csv = "ObjectUrl,Image group title,Create video\r\n" +
                     "s3://b/a.jpg,,\r\ns3://b/b.mp4,,\r\ns3://b/c.wav,,\r\ns3://b/d,,\r\n" +
                     "s3://b/1.jpg,g,false\r\ns3://b/2.jpg,g,false\r\ns3://b/3.jpg,h,\r\n";
        var result = SpecReadResult.Read(csv, SpecFormat.Csv);
        Assert.Equal(new[] { "EncordImage", "EncordVideo", "EncordAudio", "EncordVideo", "EncordImageGroup", "EncordImageGroup" },
            result.Items.Select(i => i.GetType().Name));
        var g = (EncordImageGroup)result.Items[4];
        Assert.Equal(new[] { "s3://b/1.jpg", "s3://b/2.jpg" }, g.ObjectUrls);
        Assert.False(g.CreateVideo);
        Assert.Equal(6, g.Source!.Line);
        Assert.True(((EncordImageGroup)result.Items[5]).CreateVideo);
        // The audio row (no audio in CSV) and the extensionless one (read as a video) are warned about.
        Assert.Equal(new[] { "row 3, ObjectUrl", "row 4, ObjectUrl" }, result.Findings.Select(f => f.Location));
        Assert.All(result.Findings, f => Assert.Equal(RuleIds.UnsupportedFileType, f.RuleId));
    }

    [Fact]
    public void Items_come_out_while_the_rest_of_the_file_is_still_unread()
    {
        byte[] spec = Encoding.UTF8.GetBytes(GeneratedSpecs.Json(20_000, seed: 3));
        var stream = new CountingStream(spec);
        long readAtFirstItem = -1;
        var listener = new FirstItemListener(() => readAtFirstItem = stream.BytesRead);
        SpecReader.Read(stream, SpecFormat.Json, new SpecReadOptions { ReadItems = true }, listener);
        Assert.InRange(readAtFirstItem, 1, spec.Length / 10);
        Assert.Equal(spec.Length, stream.BytesRead);
    }

    [Fact]
    public void Positions_are_the_same_however_the_buffer_is_refilled()
    {
        // Many findings, a non-ASCII line, CRLF line ends: read with the normal buffer and with one refilled every
        // few hundred bytes; every finding must be at the same place.
        var text = new StringBuilder("{\r\n\"images\": [\r\n");
        for (int i = 0; i < 300; i++)
            text.Append(i == 0 ? "" : ",\r\n").Append($"{{\"title\": \"é😀{i}\", \"objectUrl\": \"https://b.s3.eu-west-2.amazonaws.com/x {i % 50}.jpg\"}}");
        text.Append("\r\n]\r\n}");
        byte[] spec = Encoding.UTF8.GetBytes(text.ToString());
        var normal = SpecReadResult.Read(spec, readItems: false);
        var small = SpecReadResult.Read(spec, readItems: false, maxBufferedBytes: 512);
        Assert.True(normal.Findings.Count > 500);
        Assert.Equal(normal.Findings.Select(f => f.ToString()), small.Findings.Select(f => f.ToString()));
        var first = normal.Findings[0];
        Assert.Equal(3, first.Line);
        Assert.Equal("{\"title\": \"é😀0\", \"objectUrl\": ".Length + 1, first.Column); // UTF-16 characters, as editors count
    }

    [Fact]
    public void Fuzz_regression_escaped_item_key_with_half_a_surrogate_pair()
    {
        var result = SpecReadResult.Read("{\"images\": [{\"objectUrl\": \"s3://b/a.jpg\", \"ti\\ud800tle\": \"x\"}]}");
        Assert.Equal(RuleIds.InvalidEscape, Assert.Single(result.Findings).RuleId);
    }

    [Fact]
    public void Fuzz_regression_second_invalid_utf8_place_inside_metadata()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("{\"images\": [{\"objectUrl\": \"s3://b/a.jpg\", \"title\": \"a"));
        bytes.Add(0xFF);
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}, {\"objectUrl\": \"s3://b/b.jpg\", \"clientMetadata\": {\"k\": \"b"));
        bytes.Add(0xA3);
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}}]}"));
        var result = SpecReadResult.Read(bytes.ToArray());
        Assert.Equal(RuleIds.InvalidUtf8, Assert.Single(result.Findings).RuleId); // the first place only
        Assert.Empty(result.Items);
    }

    private sealed class CountingStream : MemoryStream
    {
        public CountingStream(byte[] bytes) : base(bytes) { }
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
    }

    private sealed class FirstItemListener : ISpecReadListener
    {
        private Action? onFirst;
        public FirstItemListener(Action onFirst) => this.onFirst = onFirst;
        public void OnItem(EncordDataItem item) { onFirst?.Invoke(); onFirst = null; }
        public void OnFinding(SpecFinding finding) { }
    }
}
