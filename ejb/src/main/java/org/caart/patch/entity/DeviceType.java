package org.caart.patch.entity;

/** What kind of device it is; the patch policy may allow a different maximum age per type. */
public enum DeviceType {
    SERVER, WORKSTATION, FIREWALL, ROUTER, SWITCH, APPLIANCE, OTHER
}
