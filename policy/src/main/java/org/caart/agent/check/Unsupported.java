package org.caart.agent.check;

/** A construct in a policy that the agent cannot evaluate exactly; the check reports it instead of guessing. */
public record Unsupported(String checkId, String construct, String reason) {
}
