package org.caart.agent.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A policy's command line turned into an argument vector. The line runs without a shell unless it
 * uses shell syntax (pipes, redirects, {@code &&}, {@code $( )}, globs...) outside quotes and is not
 * already a shell invocation; then it runs through {@code /bin/sh -c} or {@code cmd /c}.
 */
public record CommandLine(String text, List<String> argv, boolean viaShell) {

    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "cmd", "cmd.exe",
            "powershell", "powershell.exe", "pwsh", "pwsh.exe");
    private static final String SHELL_CHARS = "|&;<>()$`*?[]{}~";

    public static CommandLine parse(String text, boolean windows) {
        List<String> words = split(text, windows);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        boolean shell = hasShellSyntax(text, windows) && !SHELLS.contains(baseName(words.get(0)));
        if (!shell) {
            return new CommandLine(text, List.copyOf(words), false);
        }
        List<String> argv = windows ? List.of("cmd.exe", "/d", "/s", "/c", text) : List.of("/bin/sh", "-c", text);
        return new CommandLine(text, argv, true);
    }

    /** The program to run, by the name the policy gave it. */
    public String program() {
        return viaShell ? argv.get(argv.size() - 1).trim().split("\\s+")[0] : argv.get(0);
    }

    static String baseName(String program) {
        String name = program.substring(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1);
        return name.toLowerCase(Locale.ROOT);
    }

    static boolean hasShellSyntax(String text, boolean windows) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (quote == '"' && !windows && (c == '$' || c == '`')) {
                    return true;
                }
            } else if (c == '\\' && !windows) {
                i++;
            } else if (c == '"' || (c == '\'' && !windows)) {
                quote = c;
            } else if (SHELL_CHARS.indexOf(c) >= 0 || (windows && c == '%')) {
                return true;
            }
        }
        return false;
    }

    /** POSIX-like word splitting: single and double quotes, backslash escapes (not on Windows). */
    static List<String> split(String text, boolean windows) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && !windows && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '"' || (c == '\'' && !windows)) {
                    quote = c;
                } else if (c == '\\' && !windows && i + 1 < text.length()) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
