package org.caart.web.company;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.caart.company.boundary.Companies;
import org.caart.company.boundary.CompanyRequest;
import org.caart.company.entity.ClientOs.OsFamily;
import org.caart.company.entity.Company;
import org.caart.platform.InvalidInputException;
import org.caart.policy.boundary.BuiltInPolicies;
import org.caart.policy.boundary.Policies;
import org.caart.web.FormMessages;
import org.caart.web.company.CompanyOptions.Option;
import org.caart.web.security.CurrentUser;

/** A company's settings: every member reads them, owners and admins edit them. */
@Named
@ViewScoped
public class CompanyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Companies companies;

    @Inject
    Policies policies;

    @Inject
    CurrentCompany current;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private long companyId;
    private String name;
    private String postalAddress;
    private String clientOs;
    private String timeZone;
    private String createdAt;
    private boolean editable;
    private String defaultWindowsPolicy;
    private String defaultLinuxPolicy;

    public void load() {
        companyId = current.id();
        show(companies.get(companyId));
        editable = current.can("MANAGE_COMPANY");
    }

    public void save() {
        try {
            show(companies.update(companyId, new CompanyRequest(name, postalAddress, clientOs, timeZone),
                    user.sourceAddress()));
            FormMessages.info(faces, "Saved");
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "settings", e);
        }
    }

    public void savePolicies() {
        try {
            show(policies.chooseDefaults(companyId, defaultWindowsPolicy, defaultLinuxPolicy,
                    user.sourceAddress()));
            FormMessages.info(faces, "Default policies saved");
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "policies", e);
        }
    }

    public List<Option> getWindowsPolicies() {
        return options(OsFamily.WINDOWS);
    }

    public List<Option> getLinuxPolicies() {
        return options(OsFamily.LINUX);
    }

    private static List<Option> options(OsFamily family) {
        return BuiltInPolicies.of(family).stream().map(p -> new Option(p.id(), p.name())).toList();
    }

    private void show(Company company) {
        name = company.getName();
        postalAddress = company.getPostalAddress();
        clientOs = company.getClientOs().name();
        timeZone = company.getTimeZone();
        createdAt = company.getCreatedAt().toLocalDate().toString();
        defaultWindowsPolicy = BuiltInPolicies.defaultFor(company, OsFamily.WINDOWS).id();
        defaultLinuxPolicy = BuiltInPolicies.defaultFor(company, OsFamily.LINUX).id();
    }

    public String getDefaultWindowsPolicy() {
        return defaultWindowsPolicy;
    }

    public void setDefaultWindowsPolicy(String defaultWindowsPolicy) {
        this.defaultWindowsPolicy = defaultWindowsPolicy;
    }

    public String getDefaultLinuxPolicy() {
        return defaultLinuxPolicy;
    }

    public void setDefaultLinuxPolicy(String defaultLinuxPolicy) {
        this.defaultLinuxPolicy = defaultLinuxPolicy;
    }

    public long getCompanyId() {
        return companyId;
    }

    public boolean isEditable() {
        return editable;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPostalAddress() {
        return postalAddress;
    }

    public void setPostalAddress(String postalAddress) {
        this.postalAddress = postalAddress;
    }

    public String getClientOs() {
        return clientOs;
    }

    public void setClientOs(String clientOs) {
        this.clientOs = clientOs;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
