@echo off
rem Makes the agent's own Java runtime in %~dp0..\runtime with jlink, from a JDK 17 on this Windows host
rem (JAVA_HOME, or the -jdk argument). caart-agent.cmd then runs on it; no Java is needed on the host afterwards.
rem   bin\make-runtime.cmd [JDK folder]
setlocal
set "APP_HOME=%~dp0.."
set "JDK=%~1"
if "%JDK%"=="" set "JDK=%JAVA_HOME%"
if "%JDK%"=="" (
    echo make-runtime: give a JDK 17 folder or set JAVA_HOME to one ^(a JRE has no jlink^) 1>&2
    exit /b 2
)
if not exist "%JDK%\bin\jlink.exe" (
    echo make-runtime: %JDK% has no bin\jlink.exe: it is not a JDK 1>&2
    exit /b 2
)
if exist "%APP_HOME%\runtime" (
    echo make-runtime: %APP_HOME%\runtime exists; delete it first to make a new one 1>&2
    exit /b 2
)
rem the modules jdeps finds in the agent, plus what it cannot see (the same list as the Linux packages)
"%JDK%\bin\jlink.exe" --add-modules java.base,java.desktop,java.logging,java.net.http,java.sql,jdk.crypto.ec,jdk.unsupported --output "%APP_HOME%\runtime" --strip-debug --no-man-pages --no-header-files --compress=2
if errorlevel 1 exit /b 1
"%APP_HOME%\runtime\bin\java.exe" -Xshare:dump 1>nul 2>nul
"%APP_HOME%\bin\caart-agent.cmd" --version
