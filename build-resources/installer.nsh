; Token Tray NSIS additions (electron-builder nsis.include).
; electron-builder's NSIS templates do not register URL schemes, so the installer
; registers pmtokentray:// for the current user (SHELL_CONTEXT is HKCU for a per-user
; install) and removes it on uninstall. The app re-registers on launch as well
; (app.setAsDefaultProtocolClient), which writes the same keys.
;
; It also puts pmtoken on the user's PATH: the folder of pmtoken.exe (resources\pmtoken, with
; keytar.node beside it) is added to HKCU\Environment Path, and removed again on uninstall (not on
; an update, which keeps the folder). A Path that cannot be read whole is left as it is: writing
; back a cut one would lose the person's other entries.

!include WinMessages.nsh

!define TOKEN_TRAY_PMTOKEN_DIR "$INSTDIR\resources\pmtoken"

; The installer and the uninstaller are built apart (BUILD_UNINSTALLER), and warnings are errors:
; each gets only the functions it calls, the uninstaller's with the un. prefix.
!ifdef BUILD_UNINSTALLER
  !define TOKEN_TRAY_UN "un."
!else
  !define TOKEN_TRAY_UN ""
!endif

; The functions below work in $R0-$R9 and give them back as they found them.
!macro tokenTraySaveRegisters
  Push $R0
  Push $R1
  Push $R2
  Push $R3
  Push $R4
  Push $R5
  Push $R6
  Push $R7
  Push $R8
  Push $R9
!macroend
!macro tokenTrayRestoreRegisters
  Pop $R9
  Pop $R8
  Pop $R7
  Pop $R6
  Pop $R5
  Pop $R4
  Pop $R3
  Pop $R2
  Pop $R1
  Pop $R0
!macroend

; Finds $R1 in $R0 (case-insensitively, as Windows compares paths): $R2 = its index, or -1.
Function ${TOKEN_TRAY_UN}tokenTrayFind
  StrLen $R3 $R1
  StrLen $R4 $R0
  StrCpy $R2 0
  loop:
    IntCmp $R2 $R4 notFound 0 notFound
    StrCpy $R5 $R0 $R3 $R2
    StrCmp $R5 $R1 found
    IntOp $R2 $R2 + 1
    Goto loop
  notFound:
    StrCpy $R2 -1
  found:
FunctionEnd

!ifndef BUILD_UNINSTALLER
Function tokenTrayAddPmtokenToPath
  !insertmacro tokenTraySaveRegisters
  ClearErrors
  ReadRegStr $R9 HKCU "Environment" "Path"
  IfErrors 0 read
    ; Not read: absent (then pmtoken's folder is the whole Path) or too long to read (left alone).
    StrCpy $R3 0
    names:
      ClearErrors
      EnumRegValue $R4 HKCU "Environment" $R3
      IfErrors absent
      StrCmp $R4 "" absent
      StrCmp $R4 "Path" done
      IntOp $R3 $R3 + 1
      Goto names
    absent:
      StrCpy $R9 ""
  read:
  ; Room to write it back whole, with ";" and the folder added.
  StrLen $R6 $R9
  StrLen $R7 "${TOKEN_TRAY_PMTOKEN_DIR}"
  IntOp $R8 ${NSIS_MAX_STRLEN} - $R7
  IntOp $R8 $R8 - 2
  IntCmp $R6 $R8 done 0 done
  StrCpy $R0 ";$R9;"
  StrCpy $R1 ";${TOKEN_TRAY_PMTOKEN_DIR};"
  Call tokenTrayFind
  IntCmp $R2 -1 0 done done
  StrCmp $R9 "" 0 append
    StrCpy $R9 "${TOKEN_TRAY_PMTOKEN_DIR}"
    Goto write
  append:
    StrCpy $R5 $R9 1 -1
    StrCmp $R5 ";" 0 separate
      StrCpy $R9 "$R9${TOKEN_TRAY_PMTOKEN_DIR}"
      Goto write
    separate:
      StrCpy $R9 "$R9;${TOKEN_TRAY_PMTOKEN_DIR}"
  write:
  WriteRegExpandStr HKCU "Environment" "Path" $R9
  ; Terminals opened from now on see the new Path.
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  done:
  !insertmacro tokenTrayRestoreRegisters
FunctionEnd
!else
Function un.tokenTrayRemovePmtokenFromPath
  !insertmacro tokenTraySaveRegisters
  ClearErrors
  ReadRegStr $R9 HKCU "Environment" "Path"
  IfErrors done
  StrCpy $R0 ";$R9;"
  StrCpy $R1 ";${TOKEN_TRAY_PMTOKEN_DIR};"
  Call un.tokenTrayFind
  IntCmp $R2 -1 done
  ; What stands before and after the folder, joined by one ";", without the ends added above.
  StrCpy $R5 $R0 $R2
  StrLen $R3 $R1
  IntOp $R4 $R2 + $R3
  StrCpy $R6 $R0 "" $R4
  StrCpy $R0 "$R5;$R6" "" 1
  StrCpy $R0 $R0 -1
  WriteRegExpandStr HKCU "Environment" "Path" $R0
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  done:
  !insertmacro tokenTrayRestoreRegisters
FunctionEnd
!endif

!macro customInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\pmtokentray"
  WriteRegStr SHELL_CONTEXT "Software\Classes\pmtokentray" "" "URL:Token Tray sign-in"
  WriteRegStr SHELL_CONTEXT "Software\Classes\pmtokentray" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\pmtokentray\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\pmtokentray\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  Call tokenTrayAddPmtokenToPath
!macroend

!macro customUnInstall
  ${ifNot} ${isUpdated}
    DeleteRegKey SHELL_CONTEXT "Software\Classes\pmtokentray"
    Call un.tokenTrayRemovePmtokenFromPath
  ${endIf}
!macroend
