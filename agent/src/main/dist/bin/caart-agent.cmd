@echo off
rem caart-agent launcher (Windows): runs the agent jar with a small bounded heap and a fast-start JVM.
rem The first run records a CDS archive in %APPDATA%\CAaRT\cache; later runs start faster from it.
setlocal
set "APP_HOME=%~dp0.."
set "JAR=%APP_HOME%\lib\caart-agent.jar"
rem the runtime beside the agent (the zips runtime\, or one made by bin\make-runtime.cmd), else JAVA_HOME, else PATH
if exist "%APP_HOME%\runtime\bin\java.exe" (set "JAVA=%APP_HOME%\runtime\bin\java.exe") else if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
set "CACHE=%APPDATA%\CAaRT\cache"
if defined CAART_CACHE_DIR set "CACHE=%CAART_CACHE_DIR%"
set "OPTS=-Xmx64m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
for %%F in ("%JAR%") do set "STAMP=%%~zF-%%~tF"
set "STAMP=%STAMP: =_%"
set "STAMP=%STAMP::=-%"
set "STAMP=%STAMP:/=-%"
set "JSA=%CACHE%\caart-agent-%STAMP%.jsa"
if exist "%JSA%" (
    "%JAVA%" %OPTS% -XX:SharedArchiveFile="%JSA%" %CAART_JAVA_OPTS% -jar "%JAR%" %*
) else (
    if not exist "%CACHE%" mkdir "%CACHE%" 2>nul
    "%JAVA%" %OPTS% -XX:ArchiveClassesAtExit="%JSA%" %CAART_JAVA_OPTS% -jar "%JAR%" %*
)
exit /b %ERRORLEVEL%
