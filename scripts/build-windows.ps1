<#
.SYNOPSIS
  Builds the Windows installer of acceptance_app: the PyInstaller one-folder build, its smoke test, and the
  NSIS installer that wraps it (dist\acceptance-app-<version>-setup.exe).

.DESCRIPTION
  Run on Windows 10/11 x64 from the repository root, in PowerShell:
      powershell -ExecutionPolicy Bypass -File scripts\build-windows.ps1
  Needs: Python 3.11 x64 from python.org (the "py" launcher), and NSIS 3.x (makensis on PATH, or installed in
  "C:\Program Files (x86)\NSIS"; e.g. `winget install NSIS.NSIS`). No administrator rights are needed, neither
  to build nor to install the result.

  Steps, and where each is documented:
  1. .venv-dist: a venv with exactly scripts\dist\lock.txt (the versions the Linux build is tested with).
     PyInstaller's Windows-only dependencies (pefile, pywin32-ctypes) are not in the lock, which is frozen on
     Linux: pip resolves them from PyInstaller's own requirements.
  2. PyInstaller with the spec (PyInstaller manual, "Using Spec Files"): two executables in one folder, as the
     manual's "multipackage" layout (one Analysis, two EXE, one COLLECT): acceptance-app.exe (console: the
     command line) and acceptance-app-gui.exe (console=False: no console window; the Start menu and .acpkg files
     start it). Each gets the icon and a version resource (the spec's version_resource()).
  3. The smoke test of the frozen build (scripts\dist\smoke_test.py: --version, demo, forms check, photos import
     on a spawn pool, opinion render, sign, verify, gui --smoke-test offscreen) from a fresh folder and profile.
  4. makensis (NSIS manual, chapter 3 "Command Line Usage"): options are processed in order, so the /D defines
     come before the script; /NOCD keeps the repository root as the current folder, the script's relative paths
     (dist\acceptance-app, resources\icons) are relative to it.
#>
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked([string]$what, [scriptblock]$block) {
    & $block
    if ($LASTEXITCODE -ne 0) { throw "$what failed (exit $LASTEXITCODE)" }
}

$venv = ".venv-dist"
$python = Join-Path $venv "Scripts\python.exe"
if (-not (Test-Path $python)) {
    Invoke-Checked "creating $venv" { py -3.11 -m venv $venv }
}
Invoke-Checked "pip upgrade" { & $python -m pip install --quiet --upgrade pip }
Invoke-Checked "installing the lock file" { & $python -m pip install --quiet -r scripts\dist\lock.txt }

$version = (& $python -c "import sys; sys.path.insert(0, '.'); import acceptance_app; print(acceptance_app.__version__)").Trim()
Write-Host "acceptance_app $version"

$started = Get-Date
Invoke-Checked "PyInstaller" {
    & $python -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build\pyinstaller `
        scripts\dist\acceptance_app.spec
}
Write-Host ("bundle built in {0:N0} s" -f ((Get-Date) - $started).TotalSeconds)
foreach ($exe in "acceptance-app.exe", "acceptance-app-gui.exe") {
    if (-not (Test-Path "dist\acceptance-app\$exe")) { throw "missing from the bundle: $exe" }
}

$env:QT_QPA_PLATFORM = "offscreen"  # the smoke test's window, without taking the screen
Invoke-Checked "smoke test" { & $python scripts\dist\smoke_test.py dist\acceptance-app\acceptance-app.exe }
Remove-Item Env:QT_QPA_PLATFORM

$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = Join-Path ${env:ProgramFiles(x86)} "NSIS\makensis.exe" }
if (-not (Test-Path $makensis)) { throw "makensis not found: install NSIS 3 (winget install NSIS.NSIS)" }
Invoke-Checked "makensis" { & $makensis /V2 /WX /NOCD "/DVERSION=$version" scripts\dist\installer.nsi }
$setup = "dist\acceptance-app-$version-setup.exe"
Write-Host ("installer: {0} ({1:N1} MB)" -f $setup, ((Get-Item $setup).Length / 1MB))
