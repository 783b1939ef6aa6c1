namespace EncordSpec.TestSeeder;

/// <summary>Where the emulators listen and how to sign in to them, as tests/Emulators/Emulators.ps1 exports it.</summary>
public static class EmulatorEndpoints
{
    public const string S3AccessKey = "S3RVER";
    public const string S3SecretKey = "S3RVER";
    public const string AzureAccount = "devstoreaccount1";
    /// <summary>Azurite's well-known development key (public, documented with Azurite).</summary>
    public const string AzureAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string? S3 => Environment.GetEnvironmentVariable("ENCORDSPEC_S3_ENDPOINT");
    public static string? AzureBlob => Environment.GetEnvironmentVariable("ENCORDSPEC_AZURE_BLOB_ENDPOINT");
    public static string? Gcs => Environment.GetEnvironmentVariable("ENCORDSPEC_GCS_ENDPOINT");

    public static string AzureConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzureAccount};AccountKey={AzureAccountKey};BlobEndpoint={Require(AzureBlob, "ENCORDSPEC_AZURE_BLOB_ENDPOINT")};";

    public static string Require(string? value, string variable) =>
        value ?? throw new InvalidOperationException($"{variable} is not set: start the emulators first (tests/Emulators/Emulators.ps1, Start-TestEmulators).");
}
