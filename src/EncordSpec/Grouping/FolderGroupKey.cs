using EncordSpec.Input;
using EncordSpec.Urls;

namespace EncordSpec.Grouping;

/// <summary>The folder an object sits in, for -GroupBy Folder: an identity that tells folders of different
/// buckets apart, its own name (the group's title) and its path (to tell same-named folders apart).</summary>
internal sealed class FolderGroupKey
{
    private FolderGroupKey(string identity, string name, string path)
    {
        Identity = identity;
        Name = name;
        Path = path;
    }

    /// <summary>The object URL up to its last '/': unique per folder and bucket.</summary>
    public string Identity { get; }
    /// <summary>The folder's own name, decoded (the bucket's name for objects at the root).</summary>
    public string Name { get; }
    /// <summary>The folder's full path in the bucket, decoded, without a trailing '/' (the bucket's name at the root).</summary>
    public string Path { get; }

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
            return new FolderGroupKey(ObjectUrlPath.GetFolderUrl(url), root, root);
        }
        string folderPath = key.Substring(0, slash);
        string name = folderPath.Substring(folderPath.LastIndexOf('/') + 1);
        return new FolderGroupKey(ObjectUrlPath.GetFolderUrl(url), name.Length == 0 ? folderPath : name, folderPath);
    }
}
