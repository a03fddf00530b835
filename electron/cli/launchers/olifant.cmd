@echo off
rem The `olifant` command of an installed kiosk: the compiled command, run with the Node that Electron brings.
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\Olifant.exe" "%~dp0app.asar\dist\electron\cli\olifant.js" %*
