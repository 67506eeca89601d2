package org.caart.agent.check.sca;

/**
 * Which Wazuh SCA evaluates the content, decided by the policy's shape: the two differ in how a pattern meets lines.
 * <ul>
 * <li>{@link #V5}: a literal pattern equals a whole line exactly (a command's whole trimmed output); a lone negated
 * minterm {@code !r:X} means "no line matches X"; lines keep a trailing {@code \r}.</li>
 * <li>{@link #V4} ({@code wm_sca.c}): each line is tested with the whole pattern, every minterm (regex, numeric or
 * literal) on that one line, and the content matches when one line passes, so {@code !r:X} alone means "some line
 * does not match X"; a literal compares case-insensitively ({@code strcasecmp}), also per line of a command's
 * output; trailing {@code \r} and {@code \n} are trimmed from each line; a file name in a {@code d:} rule is an
 * OS_Match pattern (case-insensitive substring, {@code ^ $ |}) unless it starts with {@code r:} (OS_Regex).</li>
 * </ul>
 */
enum ScaVersion {
    V4, V5
}
