using EncordSpec.Input;
using EncordSpec.Urls;

namespace EncordSpec.Grouping;

/// <summary>The folder an object sits in, for -GroupBy Folder: its own name and its path (which tells same-named
/// folders apart).</summary>
/// <param name="Name">The folder's own name, decoded (the bucket's name for objects at the root).</param>
/// <param name="Path">The folder's full path in the bucket, decoded, without a trailing '/' (the bucket's name at the root).</param>
internal sealed record FolderGroupKey(string Name, string Path)
{
    /// <summary>Uses the input's Key and Bucket when it has them (a CloudObject), else takes the URL apart.</summary>
    public static FolderGroupKey Of(ObjectUrlInput input)
    {
        string url = input.ObjectUrl;
        string? key = input.Key;
        string? bucket = input.Bucket;
        if (key is null)
        {
            var parsed = ObjectUrlParser.Parse(url);
            key = parsed.Key ?? ObjectUrlPath.GetPath(url);
            bucket = parsed.Bucket ?? parsed.Host;
        }

        int slash = key.LastIndexOf('/');
        if (slash < 0)
        {
            string root = string.IsNullOrEmpty(bucket) ? "/" : bucket!;
            return new FolderGroupKey(root, root);
        }
        string folderPath = key.Substring(0, slash);
        string name = folderPath.Substring(folderPath.LastIndexOf('/') + 1);
        return new FolderGroupKey(name.Length == 0 ? folderPath : name, folderPath);
    }

    /// <summary>The title of a listed object's folder: its path below the folder of the listing's prefix ("Apple/1-light"
    /// for food/Apple/1-light/ listed with -Prefix food/), or, for objects right in that folder, its own name (the
    /// bucket's at the root). It depends on nothing but the object and the listing, so it is the same in every run.</summary>
    public static string TitleBelow(CloudObject listed, string listedPrefix)
    {
        string key = listed.Key;
        int slash = key.LastIndexOf('/');
        int baseLength = listedPrefix.LastIndexOf('/') + 1;
        if (slash < baseLength)
        {
            // Right in the listed folder: its own name, or the bucket's at the root.
            if (baseLength == 0)
                return listed.Bucket;
            string baseFolder = listedPrefix.Substring(0, baseLength - 1);
            return baseFolder.Substring(baseFolder.LastIndexOf('/') + 1) is { Length: > 0 } own ? own : baseFolder;
        }
        return key.Substring(baseLength, slash - baseLength);
    }
}
