using System;
using System.Collections.Generic;
using System.IO;

namespace EncordSpec.Cmdlets;

/// <summary>The profile names of the AWS shared config and credentials files, for -ProfileName completion: the
/// files the AWS SDK reads (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/config and
/// ~/.aws/credentials). Only section headers are read; nothing else of the files is kept.</summary>
internal static class AwsProfileNames
{
    /// <summary>The names in both files, config first, each once.</summary>
    public static IReadOnlyList<string> Read()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string config = Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") is { Length: > 0 } c ? c : Path.Combine(home, ".aws", "config");
        string credentials = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } s ? s : Path.Combine(home, ".aws", "credentials");
        return Parse(ReadOrEmpty(config), ReadOrEmpty(credentials));
    }

    /// <summary>"[profile x]" and "[default]" of the config file, "[x]" of the credentials file; [sso-session ...]
    /// and [services ...] sections are not profiles.</summary>
    public static IReadOnlyList<string> Parse(string configText, string credentialsText)
    {
        var names = new List<string>();
        foreach (string header in Headers(configText))
        {
            if (header == "default")
                Add(names, header);
            else if (header.StartsWith("profile ", StringComparison.Ordinal))
                Add(names, header.Substring("profile ".Length).Trim());
        }
        foreach (string header in Headers(credentialsText))
            Add(names, header);
        return names;
    }

    private static IEnumerable<string> Headers(string text)
    {
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length > 2 && line[0] == '[' && line[line.Length - 1] == ']')
                yield return line.Substring(1, line.Length - 2).Trim();
        }
    }

    private static void Add(List<string> names, string name)
    {
        if (name.Length > 0 && !names.Contains(name))
            names.Add(name);
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ""; // completion offers what it can; the listing reports an unreadable file itself
        }
    }
}
