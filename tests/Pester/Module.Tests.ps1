BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
}

Describe 'The EncordSpec module' {
    It 'is a binary module that declares only what the tests run: PowerShell 7.6, Core' {
        $module = Get-Module EncordSpec
        $module.ModuleType | Should -Be 'Binary'
        $manifest = Test-ModuleManifest $env:ENCORDSPEC_MODULE_PATH
        $manifest.CompatiblePSEditions | Should -Be @('Core')
        $manifest.PowerShellVersion | Should -Be ([version] '7.6')
        $PSVersionTable.PSVersion | Should -BeGreaterOrEqual $manifest.PowerShellVersion
    }

    It 'exports every cmdlet the manifest lists, and nothing else' {
        $manifest = Import-PowerShellDataFile $env:ENCORDSPEC_MODULE_PATH
        $exported = (Get-Command -Module EncordSpec).Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
}
