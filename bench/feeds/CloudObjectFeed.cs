// Feeds the writing benchmark with CloudObjects made by compiled code, as Get-CloudObject makes them, from a list of
// object URLs: so the figures measure the spec cmdlets, not PowerShell building objects in a script loop. Compiled by
// bench/Scenarios/Write.ps1 with Add-Type against the built EncordSpec.dll.
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using EncordSpec;

namespace EncordSpecBench
{
    public static class CloudObjectFeed
    {
        /// <summary>One CloudObject per line of the file, numbered in one key-ordered partition like a sequential
        /// listing's output, so New-EncordImageGroup -GroupBy Folder can stream its groups.</summary>
        public static IEnumerable<CloudObject> Read(string urlListPath)
        {
            // The listing's partition is internal to the module: reached by reflection, once, as delegates.
            var partitionType = typeof(CloudObject).Assembly.GetType("EncordSpec.Listing.ListingPartition", throwOnError: true);
            object partition = Activator.CreateInstance(partitionType, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic,
                null, new object[] { "" }, null);
            var stamp = (Action<CloudObject>)Delegate.CreateDelegate(typeof(Action<CloudObject>), partition, partitionType.GetMethod("Stamp"));
            var markComplete = (Action)Delegate.CreateDelegate(typeof(Action), partition, partitionType.GetMethod("MarkComplete"));
            foreach (string url in File.ReadLines(urlListPath))
            {
                string key = url.Substring(url.IndexOf('/', 8) + 1);
                var cloudObject = new CloudObject(CloudProvider.S3, "cord-dev", key) { ObjectUrl = url, DataType = DataType.Image };
                stamp(cloudObject);
                yield return cloudObject;
            }
            markComplete();
        }
    }
}
