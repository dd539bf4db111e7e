@echo off
rem smtplint from the release archive on Windows: needs Java 17+ (JAVA_HOME, else java on PATH).
setlocal
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:CICompilerCount=1 -XX:Tier3InvocationThreshold=25 -XX:Tier3MinInvocationThreshold=12 -XX:Tier3CompileThreshold=250 -jar "%~dp0..\lib\smtplint.jar" %*
exit /b %ERRORLEVEL%
