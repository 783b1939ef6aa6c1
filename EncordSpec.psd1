@{
    RootModule           = 'EncordSpec.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0f3c55-2a49-4f0e-9a3e-1d8f2c7b9e41'
    Author               = 'EncordSpec maintainers'
    CompanyName          = 'EncordSpec'
    Copyright            = '(c) EncordSpec maintainers. All rights reserved.'
    Description          = 'Builds, checks and reads Encord private-cloud upload specifications (JSON and CSV) from S3, Azure Blob, GCS and Open Telekom Cloud listings.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    DotNetFrameworkVersion = '4.7.2'
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
            Tags       = @('Encord', 'S3', 'Azure', 'GCS', 'OTC', 'Annotation', 'Dataset', 'PSEdition_Core', 'PSEdition_Desktop')
            ProjectUri = 'https://github.com/encordspec/EncordSpec'
        }
    }
}
