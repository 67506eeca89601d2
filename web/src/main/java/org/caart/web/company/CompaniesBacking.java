package org.caart.web.company;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.caart.company.boundary.Companies;
import org.caart.company.boundary.CompanyRequest;
import org.caart.company.entity.Company;
import org.caart.platform.InvalidInputException;
import org.caart.web.FormMessages;
import org.caart.web.company.CompanyChoices.Choice;
import org.caart.web.security.CurrentUser;

/** "Companies": the ones I belong to, and a form to create one (UC3); the creator becomes its owner. */
@Named
@ViewScoped
public class CompaniesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Companies companies;

    @Inject
    CompanyChoices choices;

    @Inject
    FacesContext faces;

    @Inject
    CurrentUser user;

    private String name;
    private String postalAddress;
    private String clientOs;
    private String timeZone = "UTC";

    public List<Choice> getMine() {
        return choices.list();
    }

    public void create() throws IOException {
        Company company;
        try {
            company = companies.create(new CompanyRequest(name, postalAddress, clientOs, timeZone),
                    user.sourceAddress());
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "create", e);
            return;
        }
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage("Company " + company.getName() + " created; you are its owner"));
        external.redirect(external.getRequestContextPath() + "/app/company.xhtml?company=" + company.getId());
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
