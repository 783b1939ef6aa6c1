using System.Collections.Generic;

namespace EncordSpec.Listing;

/// <summary>Region names offered by -Region's tab completion. Any other name is accepted too: regions open
/// faster than a module ships.</summary>
internal static class KnownRegions
{
    public static readonly IReadOnlyList<string> Aws = new[]
    {
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
        "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
        "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1", "eu-south-2", "il-central-1", "me-central-1",
        "me-south-1", "mx-central-1", "sa-east-1", "cn-north-1", "cn-northwest-1", "us-gov-east-1", "us-gov-west-1",
    };

    /// <summary>Open Telekom Cloud regions with OBS endpoints (obs.&lt;region&gt;.otc.t-systems.com).</summary>
    public static readonly IReadOnlyList<string> Otc = new[] { "eu-de", "eu-nl", "eu-ch2" };

    public static IEnumerable<string> For(CloudProvider? provider) => provider switch
    {
        CloudProvider.OTC => Otc,
        CloudProvider.S3 => Aws,
        null => Concat(Aws, Otc),
        _ => new string[0], // Azure and GCS URLs carry no region
    };

    private static IEnumerable<string> Concat(IEnumerable<string> first, IEnumerable<string> second)
    {
        foreach (string item in first) yield return item;
        foreach (string item in second) yield return item;
    }
}
