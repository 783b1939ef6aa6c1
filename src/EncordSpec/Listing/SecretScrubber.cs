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

    /// <summary>The user-info part of any URL ("KEY:PASSWORD@").</summary>
    private static readonly Regex UrlUserInfo = new(@"(?i)\b([a-z][a-z0-9+.\-]*://)[^/\s@?#'""<>]+@", RegexOptions.CultureInvariant);

    /// <summary>A line of an INI file (the AWS shared credentials and config files) quoted by a parser's message:
    /// "Line 3:&lt;aws_secret_access_key: ...&gt;". The line number stays, the line goes.</summary>
    private static readonly Regex QuotedIniLine = new(@"(?is)\b(line\s*\d+)\s*:\s*<.*?>", RegexOptions.CultureInvariant);

    /// <summary>A credential as a key and value in a file or a process's output.</summary>
    private static readonly Regex CredentialAssignment = new(
        @"(?i)\b((?:aws_secret_access_key|aws_session_token|aws_security_token|secretaccesskey|sessiontoken|private_key|client_secret|password)""?\s*[:=]\s*""?)[^\s,;""'<>}]+",
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
        result = SignatureLike.Replace(result, "$1" + Mask);
        result = UrlUserInfo.Replace(result, "$1" + Mask + "@");
        result = QuotedIniLine.Replace(result, "$1 (not quoted: it may hold a secret)");
        return CredentialAssignment.Replace(result, "$1" + Mask);
    }

    /// <summary>An endpoint as messages show it: no user info, and every query value masked (a portal "SAS URL"
    /// carries its signature there).</summary>
    public static string EndpointForDisplay(string endpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            return Regex.Replace(endpoint, @"[@?].*$", "?" + Mask); // unparsable: keep only what precedes any user info or query
        string display = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        if (uri.Query.Length > 1)
            display += "?" + string.Join("&", uri.Query.Substring(1).Split('&').Select(part =>
                part.IndexOf('=') is var equals and >= 0 ? part.Substring(0, equals) + "=" + Mask : part));
        return display;
    }

    /// <summary>The secrets an endpoint URL carries: its user info, and its query values (raw and decoded).</summary>
    public static IEnumerable<string> SecretsIn(string? endpoint)
    {
        if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            yield break;
        if (uri.UserInfo.Length > 0)
        {
            yield return uri.UserInfo;
            foreach (string part in uri.UserInfo.Split(':'))
            {
                yield return part;
                yield return Uri.UnescapeDataString(part);
            }
        }
        if (uri.Query.Length > 1)
        {
            foreach (string part in uri.Query.Substring(1).Split('&'))
            {
                int equals = part.IndexOf('=');
                if (equals < 0) continue;
                string value = part.Substring(equals + 1);
                yield return value;
                yield return Uri.UnescapeDataString(value);
            }
        }
    }
}
