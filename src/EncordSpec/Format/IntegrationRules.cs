using System.Collections;
using System.Collections.Generic;
using EncordSpec.Urls;

namespace EncordSpec.Format;

/// <summary>What each <see cref="IntegrationKind"/> asks of a spec: the one place the writer (through
/// <see cref="SpecItemRules.Check"/>) and the validator (through <see cref="ObjectUrlChecker"/> and the readers) ask
/// whether a signed URL, another host or a missing media metadata object is a problem.</summary>
internal static class IntegrationRules
{
    /// <summary>Direct access: the platform does not sign URLs, so users give pre-signed (or public) ones.</summary>
    public static bool AllowsSignedUrls(IntegrationKind integration) => integration == IntegrationKind.DirectAccess;

    /// <summary>Direct access reads from any HTTPS host, so another host is expected, not a finding.</summary>
    public static bool ExpectsAnyHttpsHost(IntegrationKind integration) => integration == IntegrationKind.DirectAccess;

    /// <summary>Strict client-only access: the platform never reads the file, so it needs the media metadata.</summary>
    public static bool RequiresMediaMetadata(IntegrationKind integration) => integration == IntegrationKind.StrictClientOnly;

    /// <summary>The ObjectUrlSigned problem for a URL that carries <paramref name="signingParameter"/>, or null where
    /// the integration expects signed URLs. The message shows the URL without its query.</summary>
    public static ItemProblem? SignedUrlProblem(string shownWithoutQuery, string signingParameter, string key, IntegrationKind integration) =>
        AllowsSignedUrls(integration)
            ? null
            : new ItemProblem(RuleIds.ObjectUrlSigned,
                $"The {key} '{shownWithoutQuery}?...' is a signed URL (it has the query parameter '{signingParameter}'). Signed URLs expire " +
                "and give access to anyone holding them; use the plain object URL and let the platform read through your integration " +
                "(or, for a Direct Access integration, say -Integration DirectAccess).");

    /// <summary>The ObjectUrlSigned problem of one URL for the writer, or null.</summary>
    public static ItemProblem? CheckSigned(string url, string key, IntegrationKind integration)
    {
        if (AllowsSignedUrls(integration))
            return null;
        string? signing = SignedUrlDetector.FindSigningParameter(url);
        return signing is null ? null
            : SignedUrlProblem(ObjectUrlChecker.Shown(SignedUrlDetector.WithoutQuery(url)), signing, key, integration);
    }

    /// <summary>The MediaMetadataMissing problem of a single item under strict client-only access: no media metadata
    /// at all, or without some of the fields the platform requires (named). Null when the integration does not need
    /// it, for sections without media metadata (NIfTI, groups), and for complete metadata.</summary>
    /// <param name="section">The item's section.</param>
    /// <param name="metadata">The item's MediaMetadata: typed, or a dictionary as a spec gave it.</param>
    /// <param name="itemName">Names the item at the start of the message ("The item 's3://...'").</param>
    /// <param name="integration">The integration kind.</param>
    public static ItemProblem? CheckMediaMetadata(SpecSection section, object? metadata, string itemName, IntegrationKind integration)
    {
        if (!RequiresMediaMetadata(integration) || !SpecKeys.HasMediaMetadata(section))
            return null;
        string key = SpecKeys.MediaMetadataKey(section);
        var missing = MissingFields(section, key, metadata);
        if (missing.Count == 0)
            return null;
        string what = metadata is null ? $"has no {key}" : $"has {key} without {string.Join(", ", missing)}";
        return new ItemProblem(RuleIds.MediaMetadataMissing,
            $"{itemName} {what}. A strict client-only integration never reads the file, so the platform needs " +
            $"{key} with {string.Join(", ", MediaMetadataFields.FieldNames(key))}. Get them with Get-CloudObject -MediaMetadata.");
    }

    private static IReadOnlyList<string> MissingFields(SpecSection section, string key, object? metadata)
    {
        switch (metadata)
        {
            case MediaMetadata typed:
                return MediaMetadataFields.MissingFields(typed, key);
            case IDictionary dictionary:
                var schema = MediaMetadataSchema.For(section)!;
                var missing = new List<string>();
                for (int i = 0; i < schema.FieldCount; i++)
                {
                    bool found = false;
                    foreach (DictionaryEntry entry in dictionary)
                        if (entry.Key is string name && entry.Value is not null && schema.IndexOf(name) == i)
                            found = true;
                    if (!found)
                        missing.Add(schema.FieldName(i));
                }
                return missing;
            default:
                return new List<string>(MediaMetadataFields.FieldNames(key));
        }
    }
}
