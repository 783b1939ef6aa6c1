# Validating specs: Test-EncordSpec vs the script a user would write instead (json.load, then check each URL for
# whitespace and each group for a title). The single-image specs are the ones the Write scenario produced; the
# group spec has 100,000 groups of 10 images.
$specs = @(
    foreach ($count in 100000, 1000000) {
        $path = Join-Path $WorkDir "spec-$count.json"
        if (-not (Test-Path $path)) {
            $keys = Join-Path $WorkDir "keys-$count.txt"
            if (-not (Test-Path $keys)) {
                & $Python (Join-Path $BenchDir 'peers/make_keys.py') $count $keys
                if ($LASTEXITCODE) { throw 'make_keys.py failed' }
            }
            & $Python (Join-Path $BenchDir 'peers/write_spec.py') $keys $path
            if ($LASTEXITCODE) { throw 'write_spec.py failed' }
        }
        @{ Path = $path; Label = ('{0:N0} images' -f $count); Count = $count }
    }
    $groupSpec = Join-Path $WorkDir 'groups-100000x10.json'
    if (-not (Test-Path $groupSpec)) {
        & $Python (Join-Path $BenchDir 'peers/make_group_spec.py') 100000 10 $groupSpec
        if ($LASTEXITCODE) { throw 'make_group_spec.py failed' }
    }
    @{ Path = $groupSpec; Label = '100,000 image groups x 10'; Count = 1000000 }
)

# A million single images are more than the platform's 500,000 items per file, so Test-EncordSpec rightly returns
# $false for that spec (one TooManyItems finding): the benchmark times the check and requires exactly the expected
# findings, as the peer's script only counts its own.
foreach ($spec in $specs) {
    $target = Get-ScaleTarget $spec.Count
    $expected = if ($spec.Label -eq '1,000,000 images') { 'TooManyItems' } else { '' }
    $check = "`$ids = (Test-EncordSpec -Path '$($spec.Path)' -Detailed | ForEach-Object RuleId) -join ','; " +
        "if (`$ids -ne '$expected') { Write-Output `"unexpected findings: `$ids`"; exit 1 }"
    Measure-Pair -Scenario "Validate $($spec.Label)" -Runs $Runs -WorkingDirectory $RepoRoot `
        -Ours (Get-OursCommand $check) `
        -PeerName 'Python json.load' -Peer @($Python, (Join-Path $BenchDir 'peers/validate_spec.py'), $spec.Path) `
        @target
}
