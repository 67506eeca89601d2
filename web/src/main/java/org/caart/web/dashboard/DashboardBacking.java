package org.caart.web.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.caart.account.boundary.Accounts;
import org.caart.account.entity.Membership;
import org.caart.web.security.CurrentUser;

/** The dashboard: the companies the user belongs to, with their role in each. */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser user;

    private List<CompanyRow> companies = List.of();

    @PostConstruct
    void load() {
        companies = accounts.memberships(user.getEmail()).stream().map(CompanyRow::of).toList();
    }

    public List<CompanyRow> getCompanies() {
        return companies;
    }

    public record CompanyRow(long id, String name, String role, String timeZone) implements Serializable {

        static CompanyRow of(Membership m) {
            return new CompanyRow(m.getCompany().getId(), m.getCompany().getName(), m.getRole().name(),
                    m.getCompany().zoneId().getId());
        }
    }
}
