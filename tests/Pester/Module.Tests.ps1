BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
}

Describe 'The EncordSpec module' {
    It 'is a binary module for both PowerShell editions' {
        $module = Get-Module EncordSpec
        $module.ModuleType | Should -Be 'Binary'
        $manifest = Test-ModuleManifest $env:ENCORDSPEC_MODULE_PATH
        $manifest.CompatiblePSEditions | Should -Be @('Core', 'Desktop')
    }

    It 'exports every cmdlet the manifest lists, and nothing else' {
        $manifest = Import-PowerShellDataFile $env:ENCORDSPEC_MODULE_PATH
        $exported = (Get-Command -Module EncordSpec).Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
}
