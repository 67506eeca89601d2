package org.caart.web.company;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** The header's company switcher: opens the dashboard of the chosen company. */
@Named
@RequestScoped
public class CompanySwitch {

    @Inject
    FacesContext faces;

    @Inject
    CurrentCompany current;

    private Long company;

    public void go() throws IOException {
        current.setSelected(company);
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/app/dashboard.xhtml?company=" + current.id());
    }

    public Long getCompany() {
        return company == null ? current.getSelected() : company;
    }

    public void setCompany(Long company) {
        this.company = company;
    }
}
