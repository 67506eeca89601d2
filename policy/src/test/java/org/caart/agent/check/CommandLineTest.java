package org.caart.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void plainCommandsRunWithoutAShell() {
        CommandLine line = CommandLine.parse("stat -Lc \"%n %a %u\" /etc/passwd", false);
        assertFalse(line.viaShell());
        assertEquals(List.of("stat", "-Lc", "%n %a %u", "/etc/passwd"), line.argv());
    }

    @Test
    void explicitShellInvocationsAreNotWrappedAgain() {
        CommandLine line = CommandLine.parse("sh -c \"systemctl is-enabled x | grep -q y\"", false);
        assertFalse(line.viaShell());
        assertEquals(List.of("sh", "-c", "systemctl is-enabled x | grep -q y"), line.argv());
    }

    @Test
    void shellSyntaxOutsideQuotesUsesBinSh() {
        for (String text : List.of("ls /etc | wc -l", "echo a > /tmp/x", "true && false", "echo $(id)", "ls /etc/*.conf")) {
            CommandLine line = CommandLine.parse(text, false);
            assertTrue(line.viaShell(), text);
            assertEquals(List.of("/bin/sh", "-c", text), line.argv());
        }
    }

    @Test
    void quotedShellCharactersDoNotNeedAShell() {
        assertFalse(CommandLine.parse("grep -E 'a|b' /etc/x", false).viaShell());
    }

    @Test
    void windowsUsesCmdOnlyWhenNeeded() {
        assertEquals(List.of("cmd.exe", "/d", "/s", "/c", "dir | find \"x\""),
                CommandLine.parse("dir | find \"x\"", true).argv());
        assertFalse(CommandLine.parse("powershell Get-Content x | Select-String y", true).viaShell());
    }

    @Test
    void singleQuotesAndEscapesAreHonoured() {
        assertEquals(List.of("echo", "a b", "c d", "e\"f"), CommandLine.split("echo 'a b' c\\ d \"e\\\"f\"", false));
    }
}
