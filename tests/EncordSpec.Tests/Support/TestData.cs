namespace EncordSpec.Tests.Support;

/// <summary>Files under tests/Data, copied beside the test assembly.</summary>
internal static class TestData
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Data", relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static string PageExample(string name) => Read(Path.Combine("PageExamples", name));
}
