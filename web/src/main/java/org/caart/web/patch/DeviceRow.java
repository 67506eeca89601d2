package org.caart.web.patch;

import java.io.Serializable;
import java.time.LocalDate;
import org.caart.patch.entity.Device;

/** A device as the board and the device page show it: the last evaluation, readable. */
public final class DeviceRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String name;
    private final String type;
    private final String criticality;
    private final String responsible;
    private final String status;
    private final String statusLabel;
    private final LocalDate lastPatchDate;
    private final LocalDate expiry;
    private final Integer daysLeft;
    private final String source;
    private final String detail;
    private final String osBuild;
    private final boolean agentBacked;
    private final LocalDate evaluatedOn;

    private DeviceRow(Device d) {
        id = d.getId();
        name = d.getName();
        type = d.getType().name();
        criticality = d.getCriticality().name();
        responsible = d.getResponsible();
        status = d.getStatus().name();
        statusLabel = PatchOptions.label(d.getStatus());
        lastPatchDate = d.getLastPatchDate();
        expiry = d.getExpiry();
        daysLeft = d.getDaysLeft();
        source = d.getPatchSource() == null ? null : d.getPatchSource().name();
        detail = d.getPatchDetail();
        osBuild = d.getOsBuild();
        agentBacked = d.isAgentBacked();
        evaluatedOn = d.getEvaluatedOn();
    }

    static DeviceRow of(Device device) {
        return new DeviceRow(device);
    }

    /** "12 days left", "3 days overdue", or empty while the patch date is unknown. */
    public String getDays() {
        if (daysLeft == null) {
            return "";
        }
        int days = Math.abs(daysLeft);
        return days + (days == 1 ? " day" : " days") + (daysLeft < 0 ? " overdue" : " left");
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public String getCriticality() {
        return criticality;
    }

    public String getResponsible() {
        return responsible;
    }

    public String getStatus() {
        return status;
    }

    public String getStatusLabel() {
        return statusLabel;
    }

    public LocalDate getLastPatchDate() {
        return lastPatchDate;
    }

    public LocalDate getExpiry() {
        return expiry;
    }

    public Integer getDaysLeft() {
        return daysLeft;
    }

    public String getSource() {
        return source;
    }

    public String getDetail() {
        return detail;
    }

    public String getOsBuild() {
        return osBuild;
    }

    public boolean isAgentBacked() {
        return agentBacked;
    }

    public LocalDate getEvaluatedOn() {
        return evaluatedOn;
    }
}
