; Token Tray NSIS additions (electron-builder nsis.include).
; electron-builder's NSIS templates do not register URL schemes, so the installer
; registers pmtokentray:// for the current user (SHELL_CONTEXT is HKCU for a per-user
; install) and removes it on uninstall. The app re-registers on launch as well
; (app.setAsDefaultProtocolClient), which writes the same keys.

!macro customInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\pmtokentray"
  WriteRegStr SHELL_CONTEXT "Software\Classes\pmtokentray" "" "URL:Token Tray sign-in"
  WriteRegStr SHELL_CONTEXT "Software\Classes\pmtokentray" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\pmtokentray\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\pmtokentray\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  ${ifNot} ${isUpdated}
    DeleteRegKey SHELL_CONTEXT "Software\Classes\pmtokentray"
  ${endIf}
!macroend
