namespace EncordSpec.Tests.Writing;

/// <summary>The names a spec written to one path takes, and which existing files belong to an earlier set there.</summary>
public sealed class SpecFileNamesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("encordspec-names-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string InFolder(string name) => Path.Combine(folder, name);

    [Fact]
    public void Numbered_files_sit_beside_the_path_with_four_digits_or_more()
    {
        var names = new SpecFileNames(InFolder("spec.json"), alwaysNumbered: false);
        Assert.Equal(InFolder("spec-0001.json"), names.Numbered(1));
        Assert.Equal(InFolder("spec-9999.json"), names.Numbered(9999));
        Assert.Equal(InFolder("spec-10000.json"), names.Numbered(10000));
        Assert.Equal(InFolder("images.2024-0002.csv"), new SpecFileNames(InFolder("images.2024.csv"), false).Numbered(2));
        Assert.Equal(InFolder("spec-0003"), new SpecFileNames(InFolder("spec"), false).Numbered(3));
    }

    [Fact]
    public void A_lone_spec_keeps_the_plain_name_unless_the_user_set_limits()
    {
        var plain = new SpecFileNames(InFolder("spec.json"), alwaysNumbered: false);
        Assert.Equal(InFolder("spec.json"), plain.For(1, last: true));
        Assert.Equal(InFolder("spec-0001.json"), plain.For(1, last: false));
        Assert.Equal(InFolder("spec-0002.json"), plain.For(2, last: true));

        var numbered = new SpecFileNames(InFolder("spec.json"), alwaysNumbered: true);
        Assert.Equal(InFolder("spec-0001.json"), numbered.For(1, last: true));
    }

    [Fact]
    public void An_earlier_set_is_the_plain_file_and_the_numbered_ones_up_to_the_first_gap()
    {
        foreach (string name in new[] { "spec.json", "spec-0001.json", "spec-0002.json", "spec-0004.json", "spec-2024.json", "other.json" })
            File.WriteAllText(InFolder(name), "{}");
        var names = new SpecFileNames(InFolder("spec.json"), alwaysNumbered: false);
        Assert.Equal(new[] { "spec.json", "spec-0001.json", "spec-0002.json" }, names.Existing().Select(Path.GetFileName));
        Assert.Equal(new[] { InFolder("spec-0002.json") }, names.StaleBeside(new[] { InFolder("spec.json"), InFolder("spec-0001.json") }));
    }

    [Fact]
    public void A_file_named_like_a_number_without_a_first_one_is_not_part_of_a_set()
    {
        File.WriteAllText(InFolder("spec-2024.json"), "{}");
        Assert.Empty(new SpecFileNames(InFolder("spec.json"), alwaysNumbered: false).Existing());
    }
}
