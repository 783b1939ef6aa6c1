namespace EncordSpec.Tests.Input;

/// <summary>Which skip_duplicate_urls and upsert_metadata ConvertTo-EncordSpec writes for items read from specs.</summary>
public class CarriedFlagsTests
{
    private static ReadSpecFlags Spec(string path, bool skip, bool upsert)
    {
        var flags = new ReadSpecFlags(path);
        flags.Complete(new SpecReadSummary(0, 0, 1, 1, skip, upsert));
        return flags;
    }

    private static EncordImage Item(ReadSpecFlags? flags) => new() { ObjectUrl = "s3://b/a.jpg", ReadFlags = flags };

    [Fact]
    public void New_items_carry_nothing()
    {
        var carried = new CarriedFlags();
        carried.Note(Item(null));
        Assert.False(carried.Any);
        Assert.Null(carried.SkipDuplicateUrls(out _));
    }

    [Fact]
    public void A_flag_every_spec_sets_is_carried()
    {
        var carried = new CarriedFlags();
        var a = Spec("/x/a.json", skip: true, upsert: true);
        carried.Note(Item(a));
        carried.Note(Item(a));
        carried.Note(Item(Spec("/x/b.json", skip: true, upsert: false)));
        Assert.True(carried.SkipDuplicateUrls(out string? skipWarning));
        Assert.Null(skipWarning);
        Assert.False(carried.UpsertMetadata(out string? upsertWarning));
        Assert.Equal("a.json sets upsert_metadata, b.json not: the spec written does not set it. Give -UpsertMetadata to set it, or -UpsertMetadata:$false to say so and leave out this warning.", upsertWarning);
    }

    [Fact]
    public void A_spec_not_read_to_its_end_counts_for_nothing()
    {
        var carried = new CarriedFlags();
        carried.Note(Item(new ReadSpecFlags("/x/a.json")));
        Assert.True(carried.Any);
        Assert.Null(carried.SkipDuplicateUrls(out _));
    }
}
