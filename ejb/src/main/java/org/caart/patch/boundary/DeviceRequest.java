package org.caart.patch.boundary;

/**
 * A device as typed in the portal or sent to the REST API; text fields so that each bad one is reported by name.
 * {@code type} and {@code criticality} are enum names (any case), {@code lastPatchDate} an ISO date or empty.
 */
public record DeviceRequest(String name, String type, String criticality, String responsible, String lastPatchDate) {
}
