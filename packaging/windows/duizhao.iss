; Inno Setup 6 (6.3 or later) script: the Windows installer of 对照 (Duizhao).
; Built on Windows, after the PyInstaller folder exists (see README, 打包):
;     pyinstaller build.spec
;     iscc packaging\windows\duizhao.iss
; The version defaults to pyproject.toml's (a test keeps them equal); override with
;     iscc /DAppVersion=1.2.3 packaging\windows\duizhao.iss
; Per-user install (no administrator rights): %LOCALAPPDATA%\Programs\Duizhao. The user's
; settings, logs and caches live in %LOCALAPPDATA%\Duizhao and are kept on uninstall.
; This file is UTF-8 with a byte-order mark, which Inno Setup 6 (Unicode) needs for Chinese.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "对照"
#define AppFolder "Duizhao"
#define AppExe "duizhao-app.exe"
#define ProjectExt ".duizhao"
#define ProjectProgId "Duizhao.Project"
#define ProjectTypeName "对照项目"
#define Bundle "..\..\dist\duizhao"

[Setup]
AppId={{6B1F0C2A-3D4E-4F7A-9C21-8E5D2B7A4C10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Duizhao
DefaultDirName={autopf}\{#AppFolder}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SetupIconFile=..\..\resources\icons\duizhao.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\..\dist
OutputBaseFilename=duizhao-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

; The Simplified Chinese wizard. ChineseSimplified.isl is an unofficial Inno Setup translation:
; from https://jrsoftware.org/files/istrans/ (or the issrc repository,
; Files/Languages/Unofficial/ChineseSimplified.isl). Put it in Inno Setup's Languages folder or
; beside this script. Without it the wizard falls back to English; the program is Chinese anyway.
[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
#else
  #pragma message "ChineseSimplified.isl not found: the setup wizard will be in English"
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[CustomMessages]
DesktopIcon=在桌面创建快捷方式(&D)
LaunchAfterInstall=立即运行 对照

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "国家文件与地方实施文件逐条对照"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

; Double-clicking a .duizhao project opens it in the windowed program (per user: HKA is HKCU).
[Registry]
Root: HKA; Subkey: "Software\Classes\{#ProjectExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ProjectProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProjectExt}"; ValueType: string; ValueName: ""; ValueData: "{#ProjectProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProjectExt}"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-duizhao-project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProjectProgId}"; ValueType: string; ValueName: ""; ValueData: "{#ProjectTypeName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProjectProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProjectProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#ProjectExt}"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchAfterInstall}"; Flags: nowait postinstall skipifsilent
