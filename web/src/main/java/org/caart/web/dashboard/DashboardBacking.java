package org.caart.web.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.caart.web.company.CompanyChoices;
import org.caart.web.company.CompanyChoices.Choice;

/** The dashboard: the companies the user belongs to, with their role and duties in each. */
@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    CompanyChoices choices;

    public List<Choice> getCompanies() {
        return choices.list();
    }
}
