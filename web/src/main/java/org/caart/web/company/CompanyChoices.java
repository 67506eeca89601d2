package org.caart.web.company;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import org.caart.company.boundary.Members;
import org.caart.company.entity.Membership;

/** The caller's companies, read once per request. */
@RequestScoped
public class CompanyChoices {

    @Inject
    Members members;

    private List<Choice> choices;

    public record Choice(long id, String name, String role, boolean ciso, boolean securityTech, String timeZone)
            implements Serializable {

        static Choice of(Membership m) {
            return new Choice(m.getCompany().getId(), m.getCompany().getName(), m.getRole().name(), m.isCiso(),
                    m.isSecurityTech(), m.getCompany().getTimeZone());
        }
    }

    public List<Choice> list() {
        if (choices == null) {
            choices = members.mine().stream().map(Choice::of).toList();
        }
        return choices;
    }

    /** After a change of memberships in this request (a company created, an invitation accepted). */
    public void refresh() {
        choices = null;
    }
}
