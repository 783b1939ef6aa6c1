using System;
using System.Collections.Generic;
using EncordSpec.Urls;
using EncordSpec.Format;

namespace EncordSpec.Listing;

/// <summary>Turns listed pages into what Get-CloudObject emits: folders (<see cref="CloudPrefix"/>, each once, as
/// GCS repeats them on every page) and objects in key order, folder placeholders skipped, DataType and ObjectUrl
/// filled, filters applied, and an <see cref="UnaddressableObject"/> for keys no URL can carry.</summary>
internal sealed class CloudListingReader
{
    private readonly ObjectUrlBuilder urls;
    private readonly CloudObjectFilter filter;
    private readonly string delimiter;
    private readonly IComparer<string> order;
    private readonly HashSet<string> seenPrefixes = new(StringComparer.Ordinal);

    public CloudListingReader(ObjectUrlBuilder urls, CloudObjectFilter filter, string? delimiter)
    {
        this.urls = urls;
        this.filter = filter;
        this.delimiter = delimiter ?? "";
        order = KeyOrder.For(urls.Provider);
    }

    /// <summary>CloudObject, CloudPrefix or UnaddressableObject items, merged in the store's key order.</summary>
    public IEnumerable<object> Read(CloudListingPage page)
    {
        var objects = page.Objects;
        var prefixes = page.Prefixes;
        int o = 0, p = 0;
        while (o < objects.Count || p < prefixes.Count)
        {
            bool takePrefix = p < prefixes.Count && (o >= objects.Count || order.Compare(prefixes[p], objects[o].Key) < 0);
            object? item = takePrefix ? ReadPrefix(prefixes[p++]) : ReadObject(objects[o++]);
            if (item is not null)
                yield return item;
        }
    }

    private CloudPrefix? ReadPrefix(string prefix) =>
        seenPrefixes.Add(prefix) && filter.AcceptsPrefix(prefix)
            ? new CloudPrefix(urls.Provider, urls.Bucket, prefix, delimiter)
            : null;

    private object? ReadObject(CloudObject cloudObject)
    {
        if (cloudObject.IsFolderPlaceholder)
            return null;
        cloudObject.DataType = Classify(cloudObject);
        if (!filter.Accepts(cloudObject))
            return null;
        cloudObject.DataTypeAskedFor = filter.SelectsDataTypes;
        if (!urls.TryBuild(cloudObject.Key, out string url, out string? problem))
            return new UnaddressableObject(cloudObject, problem!);
        cloudObject.ObjectUrl = url;
        return cloudObject;
    }

    /// <summary>By extension first (the platform's documented types); the content type decides only for names whose
    /// extension says nothing, and knows only the content types of documented formats (image/gif stays Unsupported).</summary>
    public static DataType Classify(CloudObject cloudObject)
    {
        var byName = FileTypeClassifier.Classify(cloudObject.Key);
        return byName != DataType.Unsupported ? byName : FileTypeClassifier.ClassifyContentType(cloudObject.ContentType);
    }
}
