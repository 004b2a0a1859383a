; The Windows installer of acceptance_app: wraps the PyInstaller one-folder build (Picard's pattern).
; Per user, without administrator rights (NSIS's install-per-user example: RequestExecutionLevel user, only HKCU
; and the user's profile are written), into %LOCALAPPDATA%\Programs\acceptance-app; a Start-menu entry; an
; uninstaller listed in Settings > Apps; .acpkg exchange packages open in the app. The data folder
; (%LOCALAPPDATA%\acceptance_app: the database, photos, documents, keys) is never touched: the uninstaller
; removes the program folder only, so reinstalling finds every project again.
;
; Built on Windows by scripts/build-windows.ps1:
;   makensis /NOCD /DVERSION=0.1.0 scripts\dist\installer.nsi   (from the repository root: paths are relative to it)
; Compiled on Linux by `make dist` against the Linux bundle's layout, as a syntax and layout check only
; (scripts/dist/check_nsis.sh: GUI_EXE/CLI_EXE without .exe, no compression, output thrown away).

Unicode true
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "VERSION is not defined: makensis /DVERSION=x.y.z /DBUNDLE=dist\acceptance-app installer.nsi"
!endif
!ifndef BUNDLE
  !define BUNDLE "dist\acceptance-app"
!endif
!ifndef GUI_EXE
  !define GUI_EXE "acceptance-app-gui.exe"  ; no console window (PyInstaller console=False)
!endif
!ifndef CLI_EXE
  !define CLI_EXE "acceptance-app.exe"      ; the command line
!endif
!ifndef OUTFILE
  !define OUTFILE "dist\acceptance-app-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "resources\icons\acceptance-app.ico"
!endif

; Layout check: the files the shortcuts, the association and the uninstaller entry point to must be in the bundle.
!if ! /FileExists "${BUNDLE}/${GUI_EXE}"
  !error "not in the bundle: ${BUNDLE}/${GUI_EXE}"
!endif
!if ! /FileExists "${BUNDLE}/${CLI_EXE}"
  !error "not in the bundle: ${BUNDLE}/${CLI_EXE}"
!endif
!if ! /FileExists "${BUNDLE}/_internal/acceptance_app/_data/resources/fonts/NotoSansSC-Regular.ttf"
  !error "the bundle has no fonts (PyInstaller datas): ${BUNDLE}/_internal/acceptance_app/_data/resources/fonts"
!endif
!if ! /FileExists "${BUNDLE}/_internal/acceptance_app/storage/migrations/versions"
  !error "the bundle has no database migrations: ${BUNDLE}/_internal/acceptance_app/storage/migrations/versions"
!endif

!define APP_ID "acceptance-app"
!define APP_NAME "联合竣工验收"
!define PUBLISHER "acceptance_app"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define PROG_ID "AcceptanceApp.Package"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir ""  ; chosen in .onInit, unless /D= or an earlier installation gives it
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
!ifdef CHECK_ONLY
  SetCompress off  ; the layout check throws the file away: do not spend minutes compressing
!else
  SetCompressor /SOLID lzma
!endif

; The installer's own version resource (the executables get theirs from the PyInstaller spec).
VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "Proprietary"

!include MUI2.nsh
!include LogicLib.nsh
!include WinCore.nsh
!include Integration.nsh
!include FileFunc.nsh

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_UNPAGE_FINISH
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  SetShellVarContext current
  ${If} $INSTDIR == ""
    GetKnownFolderPath $INSTDIR ${FOLDERID_UserProgramFiles}  ; %LOCALAPPDATA%\Programs (Windows 7 and later)
    ${If} $INSTDIR == ""
      StrCpy $INSTDIR "$LOCALAPPDATA\Programs"
    ${EndIf}
    StrCpy $INSTDIR "$INSTDIR\${APP_ID}"
  ${EndIf}
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "!${APP_NAME}" SecApp
  SectionIn RO
  ; An update replaces the program folder as a whole: files a newer build no longer has must not linger.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0

  ; .acpkg: per-user file association (HKCU\Software\Classes), opened by the window, which imports the package.
  WriteRegStr HKCU "Software\Classes\.acpkg" "" "${PROG_ID}"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "联合竣工验收交换包"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${GUI_EXE}" gui "%1"'
  ${NotifyShell_AssocChanged}

  ; Settings > Apps: name, version, publisher, size, and the uninstaller.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  ; The program folder only. The data folder (%LOCALAPPDATA%\acceptance_app) stays: it holds the inspections,
  ; photos, signed documents and the device's keys, which no uninstall may take away.
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: never a folder the user chose that holds other files

  ReadRegStr $0 HKCU "Software\Classes\.acpkg" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegKey HKCU "Software\Classes\.acpkg"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  ${NotifyShell_AssocChanged}
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
