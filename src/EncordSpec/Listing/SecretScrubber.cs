using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace EncordSpec.Listing;

/// <summary>Removes secrets from text before it reaches an error message: the values the user gave, and the
/// signature-like parts of URLs and connection strings that SDK messages sometimes quote.</summary>
internal sealed class SecretScrubber
{
    private const string Mask = "***";
    private static readonly Regex SignatureLike = new(
        @"(?i)(\b(?:sig|signature|x-amz-signature|x-amz-security-token|x-goog-signature|accountkey|sharedaccesssignature|access_token)=)[^&;\s""'<]+",
        RegexOptions.CultureInvariant);

    private readonly string[] secrets;

    public SecretScrubber(IEnumerable<string> secrets)
    {
        // Longest first, so a secret that contains another is masked whole. Very short values would mask
        // ordinary words; credentials are never that short.
        this.secrets = secrets.Where(s => s.Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
    }

    public string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        string result = text!;
        foreach (string secret in secrets)
            result = result.Replace(secret, Mask);
        return SignatureLike.Replace(result, "$1" + Mask);
    }
}
