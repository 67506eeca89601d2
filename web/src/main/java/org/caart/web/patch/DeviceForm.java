package org.caart.web.patch;

import java.io.Serializable;
import org.caart.patch.boundary.DeviceRequest;

/** The fields of the add and edit forms, sent as they were typed: the boundary reports each bad one by name. */
public class DeviceForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String type;
    private String criticality = "MEDIUM";
    private String responsible;
    private String lastPatchDate;

    DeviceRequest request() {
        return request(true);
    }

    /** Without the date for a device whose agent reports it (the field is read-only there). */
    DeviceRequest request(boolean withDate) {
        return new DeviceRequest(name, type, criticality, responsible, withDate ? lastPatchDate : null);
    }

    void show(DeviceRow device) {
        name = device.getName();
        type = device.getType();
        criticality = device.getCriticality();
        responsible = device.getResponsible();
        lastPatchDate = device.getLastPatchDate() == null ? null : device.getLastPatchDate().toString();
    }

    void clear() {
        name = null;
        type = null;
        criticality = "MEDIUM";
        responsible = null;
        lastPatchDate = null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getCriticality() {
        return criticality;
    }

    public void setCriticality(String criticality) {
        this.criticality = criticality;
    }

    public String getResponsible() {
        return responsible;
    }

    public void setResponsible(String responsible) {
        this.responsible = responsible;
    }

    public String getLastPatchDate() {
        return lastPatchDate;
    }

    public void setLastPatchDate(String lastPatchDate) {
        this.lastPatchDate = lastPatchDate;
    }
}
