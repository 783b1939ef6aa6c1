using System.Text;

namespace EncordSpec.Urls;

/// <summary>Percent-encodes object keys for URL paths, the same on every runtime (Uri.EscapeDataString differs
/// between .NET Framework and .NET), so one object always yields one URL string.</summary>
internal static class ObjectKeyEncoder
{
    /// <summary>As the S3 console's "Object URL" writes keys: a space is '+', a literal '+' is %2B, '/' and the
    /// characters JavaScript's encodeURIComponent leaves alone (A-Z a-z 0-9 - _ . ! ~ * ' ( )) stay, and everything
    /// else is %XX of its UTF-8 bytes. The page's ".../1-Samsung-S4-Light+Environment/1+(32).jpg" is this form.</summary>
    public static string S3Console(string key) => Encode(key, s3Console: true);

    /// <summary>RFC 3986 per path segment: '/' separates segments; only unreserved characters (A-Z a-z 0-9 - . _ ~)
    /// stay, everything else (a space too) is %XX of its UTF-8 bytes. For Azure, GCS https and other stores.</summary>
    public static string PathSegments(string key) => Encode(key, s3Console: false);

    private static string Encode(string key, bool s3Console)
    {
        StringBuilder? builder = null;
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (IsKept(c, s3Console))
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(key.Length + 16).Append(key, 0, i);
            if (c == ' ' && s3Console)
            {
                builder.Append('+');
                continue;
            }
            int length = char.IsHighSurrogate(c) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]) ? 2 : 1;
            foreach (byte b in Encoding.UTF8.GetBytes(key.Substring(i, length)))
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            i += length - 1;
        }
        return builder?.ToString() ?? key;
    }

    private const string HexDigits = "0123456789ABCDEF";

    private static bool IsKept(char c, bool s3Console)
    {
        if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')
            return true;
        return c switch
        {
            '/' or '-' or '_' or '.' or '~' => true,
            '!' or '*' or '\'' or '(' or ')' => s3Console,
            _ => false,
        };
    }

    /// <summary>True when the key is well-formed UTF-16 (no lone surrogate halves), so its UTF-8 form is exact.</summary>
    public static bool IsWellFormed(string key)
    {
        for (int i = 0; i < key.Length; i++)
        {
            if (char.IsHighSurrogate(key[i]))
            {
                if (i + 1 >= key.Length || !char.IsLowSurrogate(key[i + 1]))
                    return false;
                i++;
            }
            else if (char.IsLowSurrogate(key[i]))
            {
                return false;
            }
        }
        return true;
    }
}
