using System;
using System.Management.Automation;
using System.Reflection;
using EncordSpec.Input;
using EncordSpec.Listing;

namespace EncordSpec.Cmdlets;

/// <summary>-Credential: the credential objects users already hold, put into the listing's options. A PSCredential
/// is an S3/OTC access key id (user name) and secret key (password), or an Azure storage account name and key.
/// An AWSCredentials object of AWS.Tools (or the AWS SDK) gives its keys and session token; it is read by its
/// GetCredentials() method, since AWS.Tools loads its own copy of the SDK.</summary>
internal static class CredentialArgument
{
    /// <summary>Fills <paramref name="options"/> from <paramref name="credential"/>; throws ArgumentException, with a
    /// message for the user, for an object the provider cannot use.</summary>
    public static void Apply(object credential, CloudListerOptions options)
    {
        object value = InputProperties.Unwrap(credential) ?? throw new ArgumentException("-Credential is empty.");
        if (value is PSCredential psCredential)
        {
            string secret = psCredential.GetNetworkCredential().Password;
            if (options.Provider == CloudProvider.Azure)
            {
                options.StorageAccountName = psCredential.UserName;
                options.StorageAccountKey = secret;
            }
            else
            {
                options.AccessKey = psCredential.UserName;
                options.SecretKey = secret;
            }
            return;
        }
        if (options.Provider is CloudProvider.S3 or CloudProvider.OTC && AwsKeys(value) is { } keys)
        {
            options.AccessKey = keys.AccessKey;
            options.SecretKey = keys.SecretKey;
            options.SessionToken = keys.Token;
            return;
        }
        throw new ArgumentException(
            $"-Credential takes a PSCredential (S3/OTC: access key id and secret key; Azure: account name and key) or AWS.Tools' AWSCredentials (S3/OTC), not {value.GetType().FullName}." +
            (options.Provider == CloudProvider.Azure ? " For an Az storage context, pass -ConnectionString or -StorageAccountName (Entra ID) instead." : ""));
    }

    /// <summary>The keys of an Amazon.Runtime.AWSCredentials: GetCredentials() returns ImmutableCredentials.</summary>
    private static (string AccessKey, string SecretKey, string? Token)? AwsKeys(object value)
    {
        MethodInfo? get = value.GetType().GetMethod("GetCredentials", Type.EmptyTypes);
        if (get is null || !IsAwsCredentials(value.GetType()))
            return null;
        object? immutable = get.Invoke(value, null);
        if (immutable is null)
            return null;
        string? Read(string name) => immutable.GetType().GetProperty(name)?.GetValue(immutable) as string;
        return Read("AccessKey") is { Length: > 0 } accessKey && Read("SecretKey") is { Length: > 0 } secretKey
            ? (accessKey, secretKey, Read("Token") is { Length: > 0 } token ? token : null)
            : null;
    }

    private static bool IsAwsCredentials(Type? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type.FullName == "Amazon.Runtime.AWSCredentials")
                return true;
        return false;
    }
}
