namespace EncordSpec.Tests.Reading;

/// <summary>The JSON reader's place, as the findings it alone can place name it.</summary>
public class JsonPlaceTests
{
    [Fact]
    public void Follows_the_reader_from_top_level_key_to_item_key_and_back()
    {
        var place = new JsonPlace();
        Assert.Equal("", place.ToString());

        place.AtTopLevelKey("image_groups");
        Assert.Equal("image_groups", place.ToString());
        place.InSection(SpecSection.ImageGroups);
        Assert.Equal("image_groups", place.ToString()); // the array has not begun

        place.AtEntry(2);
        Assert.Equal("image_groups[2]", place.ToString());
        place.EnterItem();
        place.AtItemKey("title", -1);
        Assert.Equal("image_groups[2].title", place.ToString());
        place.AtItemKey(null, 7);
        Assert.Equal("image_groups[2].objectUrl_7", place.ToString());
        place.BetweenItemKeys();
        Assert.Equal("image_groups[2]", place.ToString());

        place.AtEntry(3);
        Assert.Equal("image_groups[3]", place.ToString());
        place.AtTopLevelKey("skip_duplicate_urls");
        Assert.Equal("skip_duplicate_urls", place.ToString());
    }

    [Fact]
    public void A_trailing_comma_between_entries_belongs_to_the_entry_before_it()
    {
        var place = new JsonPlace();
        place.AtTopLevelKey("images");
        place.InSection(SpecSection.Images);
        place.AtEntry(0);
        Assert.Equal("images[0]", place.OfTrailingComma()); // "[,]": no entry before
        place.AtEntry(5);
        Assert.Equal("images[4]", place.OfTrailingComma());
        place.EnterItem();
        Assert.Equal("images[5]", place.OfTrailingComma()); // inside an item, the comma is the item's
    }
}
