// Feeds the writing benchmark with CloudObjects made by compiled code, as Get-CloudObject makes them, from a list of
// object URLs: so the figures measure the spec cmdlets, not PowerShell building objects in a script loop. Compiled by
// bench/Scenarios/Write.ps1 with Add-Type against the built EncordSpec.dll.
using System.Collections.Generic;
using System.IO;
using EncordSpec;

namespace EncordSpecBench
{
    public static class CloudObjectFeed
    {
        /// <summary>One CloudObject per line of the file, numbered in one key-ordered partition like a sequential
        /// listing's output, so New-EncordImageGroup -GroupBy Folder can stream its groups.</summary>
        public static IEnumerable<CloudObject> Read(string urlListPath)
        {
            var partition = new ListingPartition("");
            foreach (string url in File.ReadLines(urlListPath))
            {
                string key = url.Substring(url.IndexOf('/', 8) + 1);
                var cloudObject = new CloudObject(CloudProvider.S3, "cord-dev", key) { ObjectUrl = url, DataType = DataType.Image };
                partition.Stamp(cloudObject);
                yield return cloudObject;
            }
            partition.MarkComplete();
        }
    }
}
