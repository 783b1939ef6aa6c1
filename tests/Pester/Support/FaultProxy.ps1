# The xunit suite's fault proxy (tests/EncordSpec.Tests/Support/FaultProxy.cs), compiled into this session with
# Add-Type so that Pester files can put it between Get-CloudObject and an emulator: [EncordSpec.Tests.Support.FaultProxy]
# and [EncordSpec.Tests.Support.ProxyFault]. Dot-source it after importing the module (the proxy names CloudProvider).
if (-not ('EncordSpec.Tests.Support.FaultProxy' -as [type])) {
    $source = Join-Path $PSScriptRoot '../../EncordSpec.Tests/Support/FaultProxy.cs'
    $references = @([EncordSpec.CloudProvider].Assembly.Location) + @(
        'netstandard', 'System.Runtime', 'System.Collections', 'System.Collections.Concurrent', 'System.Linq', 'System.Memory',
        'System.Threading', 'System.Threading.Tasks', 'System.Net.Primitives', 'System.Net.Sockets', 'Microsoft.Win32.Primitives')
    Add-Type -Path $source -ReferencedAssemblies $references -ErrorAction Stop
}
