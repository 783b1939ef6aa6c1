namespace EncordSpec.Tests.Reading;

/// <summary>The per-item state of the JSON reader.</summary>
public class JsonItemTests
{
    [Fact]
    public void Repeated_objectUrl_numbers_are_found_whatever_order_the_keys_come_in()
    {
        var item = new JsonItem(SpecSection.ImageGroups, 0, new TextPosition(1, 1), 1, new GroupUrlIndexes(keepUrls: false));
        var accepted = new List<bool>();
        foreach (int n in new[] { 0, 1, 5, 3, 5, 1, 6, 3, 7 })
        {
            accepted.Add(item.TryAddUrlIndex(n));
            item.AddGroupUrl(n, default, null);
        }
        Assert.Equal(new[] { true, true, true, true, false, false, true, false, true }, accepted);
    }

    [Fact]
    public void A_new_item_starts_empty_even_with_the_buffer_the_last_one_filled()
    {
        var buffer = new GroupUrlIndexes(keepUrls: false);
        var first = new JsonItem(SpecSection.ImageGroups, 0, new TextPosition(1, 1), 1, buffer);
        first.TryAddUrlIndex(0);
        first.AddGroupUrl(0, default, "s3://b/0.jpg");
        first.Unreadable = true;

        var second = new JsonItem(SpecSection.ImageGroups, 1, new TextPosition(2, 1), 2, buffer);
        Assert.Equal(0, second.GroupUrls.Count);
        Assert.False(second.Unreadable);
        Assert.True(second.TryAddUrlIndex(0));
        Assert.Equal("image_groups[1].title", second.KeyLocation("title"));
    }
}
