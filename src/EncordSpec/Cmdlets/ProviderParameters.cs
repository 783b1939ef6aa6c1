using System.Collections.Generic;
using System.Linq;

namespace EncordSpec.Cmdlets;

/// <summary>Which of Get-CloudObject's parameters each provider uses. A parameter of another provider would be
/// ignored and the listing would go on with whatever credentials the provider's own chain finds, so it is an error
/// that names the parameter and the provider.</summary>
internal static class ProviderParameters
{
    private static readonly Dictionary<string, CloudProvider[]> Owners = new()
    {
        ["Region"] = new[] { CloudProvider.S3, CloudProvider.OTC },
        ["ProfileName"] = new[] { CloudProvider.S3, CloudProvider.OTC },
        ["AccessKey"] = new[] { CloudProvider.S3, CloudProvider.OTC },
        ["SecretKey"] = new[] { CloudProvider.S3, CloudProvider.OTC },
        ["SessionToken"] = new[] { CloudProvider.S3, CloudProvider.OTC },
        ["StorageAccountName"] = new[] { CloudProvider.Azure },
        ["SasToken"] = new[] { CloudProvider.Azure },
        ["StorageAccountKey"] = new[] { CloudProvider.Azure },
        ["ConnectionString"] = new[] { CloudProvider.Azure },
        ["CredentialFile"] = new[] { CloudProvider.GCS },
        ["Credential"] = new[] { CloudProvider.S3, CloudProvider.OTC, CloudProvider.Azure },
    };

    /// <summary>The message for the first bound parameter that <paramref name="provider"/> does not use, or null.</summary>
    public static string? Misplaced(CloudProvider provider, IEnumerable<string> boundParameters)
    {
        foreach (string name in boundParameters)
        {
            if (!Owners.TryGetValue(name, out var owners) || owners.Contains(provider))
                continue;
            var own = Owners.Where(pair => pair.Value.Contains(provider) && pair.Key != "Region").Select(pair => "-" + pair.Key);
            return $"-{name} is for {string.Join(" and ", owners)}, not {provider}: the listing would ignore it and use whatever credentials " +
                   $"{provider}'s own chain finds. For {provider}, use {string.Join(", ", own)}, or none of them for the default credentials.";
        }
        return null;
    }
}
