package org.caart.web.patch;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.caart.patch.boundary.Devices;
import org.caart.patch.entity.PatchRecord;
import org.caart.platform.InvalidInputException;
import org.caart.web.CompanyTime;
import org.caart.web.FormMessages;
import org.caart.web.company.CurrentCompany;
import org.caart.web.security.CurrentUser;

/**
 * One device: its patch status, the history of its patch dates, and for owners and admins the edit form (the date
 * only without an agent) and delete (devices without an agent only). Without a device parameter the page says so.
 */
@Named
@ViewScoped
public class DeviceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Devices devices;

    @Inject
    CompanyTime time;

    @Inject
    CurrentCompany current;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private Long deviceId;
    private long companyId;
    private DeviceRow device;
    private List<HistoryRow> history = List.of();
    private final DeviceForm form = new DeviceForm();

    public void load() {
        companyId = current.id();
        if (deviceId != null) {
            show(DeviceRow.of(devices.get(companyId, deviceId)));
        }
    }

    public void save() {
        try {
            show(DeviceRow.of(devices.update(companyId, deviceId, form.request(!device.isAgentBacked()),
                    user.sourceAddress())));
            FormMessages.info(faces, "Saved " + device.getName() + ": " + device.getStatusLabel());
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "edit", e);
        }
    }

    public void delete() throws IOException {
        devices.delete(companyId, deviceId, user.sourceAddress());
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage("Device " + device.getName() + " deleted with its patch history"));
        external.redirect(external.getRequestContextPath() + "/app/patches.xhtml?company=" + companyId);
    }

    private void show(DeviceRow shown) {
        device = shown;
        form.show(shown);
        history = devices.history(companyId, shown.getId()).stream().map(r -> HistoryRow.of(r, time)).toList();
    }

    /** One recorded patch date. */
    public record HistoryRow(String patchDate, String source, String detail, String recordedBy, String recordedAt)
            implements Serializable {

        static HistoryRow of(PatchRecord r, CompanyTime time) {
            return new HistoryRow(r.getPatchDate().toString(), r.getSource().name(), r.getDetail(), r.getRecordedBy(),
                    time.of(r.getRecordedAt()));
        }
    }

    public Long getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(Long deviceId) {
        this.deviceId = deviceId;
    }

    public DeviceRow getDevice() {
        return device;
    }

    public List<HistoryRow> getHistory() {
        return history;
    }

    public DeviceForm getForm() {
        return form;
    }
}
