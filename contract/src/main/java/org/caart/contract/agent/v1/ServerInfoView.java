package org.caart.contract.agent.v1;

/** GET /api/agent/v1/server-info: the API version the server speaks, its version and its clock. */
public record ServerInfoView(String apiVersion, String serverVersion, String serverTime) {
}
