@{
    RootModule           = 'EncordSpec.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0f3c55-2a49-4f0e-9a3e-1d8f2c7b9e41'
    Author               = 'EncordSpec maintainers'
    CompanyName          = 'EncordSpec'
    Copyright            = '(c) EncordSpec maintainers. MIT License.'
    Description          = 'Builds, checks and reads Encord private-cloud upload specifications (JSON and CSV) from S3, Azure Blob, GCS and Open Telekom Cloud listings.'
    # Only what the tests run: PowerShell 7.6 (.NET 10). The assemblies stay netstandard2.0 so that Windows PowerShell
    # 5.1 (Desktop) can be proven and declared later; until then it is not claimed. Older PowerShell 7 releases run on
    # older .NET, which cannot bind the System.Text.Json 10 that the module references.
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('EncordSpec.Items.format.ps1xml', 'EncordSpec.Storage.format.ps1xml', 'EncordSpec.Validation.format.ps1xml')
    CmdletsToExport      = @(
        'New-EncordImageGroup'
        'New-EncordDicomSeries'
        'ConvertTo-EncordSpec'
        'Test-EncordSpec'
        'ConvertFrom-EncordSpec'
        'Get-CloudObject'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Encord', 'S3', 'Azure', 'AzureBlob', 'GCS', 'OTC', 'MinIO', 'Annotation', 'Dataset', 'PSEdition_Core')
            ProjectUri   = 'https://github.com/encordspec/EncordSpec'
            LicenseUri   = 'https://github.com/encordspec/EncordSpec/blob/main/LICENSE'
            ReleaseNotes = 'First release: Get-CloudObject (S3, OTC, Azure Blob, GCS), New-EncordImageGroup, New-EncordDicomSeries, ConvertTo-EncordSpec, Test-EncordSpec, ConvertFrom-EncordSpec. Requires PowerShell 7.6.'
        }
    }
}
