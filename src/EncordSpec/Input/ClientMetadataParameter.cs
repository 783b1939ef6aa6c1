using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;
using EncordSpec.Format;
using EncordSpec.Metadata;
using EncordSpec.Urls;

namespace EncordSpec.Input;

/// <summary>ConvertTo-EncordSpec's -ClientMetadata: one JSON object for every single file, or a scriptblock that
/// makes one from each input. Its keys go on top of the item's own metadata, in a new item: the input is never
/// changed. Groups and series keep theirs.</summary>
internal sealed class ClientMetadataParameter
{
    private readonly OrderedDictionary? fixedMetadata;
    private readonly Func<object?, IReadOnlyList<object?>>? runScript;

    private ClientMetadataParameter(OrderedDictionary? fixedMetadata, Func<object?, IReadOnlyList<object?>>? runScript)
    {
        this.fixedMetadata = fixedMetadata;
        this.runScript = runScript;
    }

    /// <summary>The same metadata for every file; throws ClientMetadataException when it is not a JSON object.</summary>
    public static ClientMetadataParameter Fixed(object value) => new(JsonValueNormalizer.ToJsonObject(value), null);

    /// <param name="runScript">Runs the user's scriptblock with the pipeline object as $_ and returns its output;
    /// throws RuntimeException when the script fails.</param>
    public static ClientMetadataParameter PerInput(Func<object?, IReadOnlyList<object?>> runScript) => new(null, runScript);

    /// <summary>The item with the metadata merged in (a copy for single files; groups as they are), or the problem
    /// with the script's result.</summary>
    /// <param name="item">The item made from the input.</param>
    /// <param name="inputObject">The pipeline object the item came from, the script's $_.</param>
    public ItemOutcome Apply(EncordDataItem item, object? inputObject)
    {
        if (item is not EncordSingleItem single)
            return ItemOutcome.Accepted(item);
        OrderedDictionary extra;
        if (runScript is null)
        {
            extra = fixedMetadata!;
        }
        else
        {
            try
            {
                var result = runScript(inputObject);
                extra = JsonValueNormalizer.ToJsonObject(result.Count == 1 ? result[0] : result);
            }
            catch (Exception e) when (e is RuntimeException or ClientMetadataException)
            {
                return ItemOutcome.Rejected(new InputProblem(RuleIds.ClientMetadataNotObject,
                    $"-ClientMetadata for '{SignedUrlDetector.QueryHidden(single.ObjectUrl)}': {e.Message}", single.ObjectUrl));
            }
        }
        return ItemOutcome.Accepted(SingleItemFactory.WithClientMetadata(single, Merge(single.ClientMetadata, extra)));
    }

    /// <summary>Adds the keys of <paramref name="extra"/> to the item's own; keys in both take the extra value.</summary>
    public static OrderedDictionary Merge(OrderedDictionary? own, OrderedDictionary extra)
    {
        if (own is null || own.Count == 0)
            return extra;
        var merged = new OrderedDictionary(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in own)
            merged[entry.Key] = entry.Value;
        foreach (System.Collections.DictionaryEntry entry in extra)
            merged[entry.Key] = entry.Value;
        return merged;
    }
}
