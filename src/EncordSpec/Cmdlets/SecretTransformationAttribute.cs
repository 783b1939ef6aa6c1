using System.Management.Automation;
using System.Net;
using System.Security;
using EncordSpec.Input;

namespace EncordSpec.Cmdlets;

/// <summary>Lets a secret parameter take a SecureString (Read-Host -AsSecureString, Get-Secret) or, as AWS.Tools and
/// Az take them, a plain string, which becomes a SecureString at once.</summary>
public sealed class SecretTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        InputProperties.Unwrap(inputData) switch
        {
            string text => ToSecureString(text),
            var other => other,
        };

    public static SecureString ToSecureString(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
            secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>The plain text, only on its way into an SDK.</summary>
    public static string? Reveal(SecureString? secret) => secret is null ? null : new NetworkCredential(string.Empty, secret).Password;
}
