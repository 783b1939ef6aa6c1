using System.Globalization;

namespace EncordSpec.Format;

/// <summary>The key an object URL is under (objectUrl, objectUrl_N or the CSV column ObjectUrl), kept as parts so
/// that the text is only made when a message needs it.</summary>
internal readonly struct UrlKey
{
    private readonly string name;
    private readonly int index;

    public UrlKey(string name, int index = -1)
    {
        this.name = name;
        this.index = index;
    }

    public static UrlKey Indexed(int index) => new(SpecKeys.ObjectUrlPrefix, index);

    public override string ToString() => index < 0 ? name : name + index.ToString(CultureInfo.InvariantCulture);
}
