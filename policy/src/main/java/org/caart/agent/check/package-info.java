/**
 * The agent's policy engine: policies (CAaRT and Wazuh SCA, {@link org.caart.agent.check.PolicyCatalog}), their
 * checks and the scanner. It lives in the caart-policy module, shared with the server, which validates uploaded
 * policies with the same parser the agent runs them with; the package keeps the agent's name.
 */
package org.caart.agent.check;
