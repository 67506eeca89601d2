package org.caart.web.company;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.caart.company.entity.Permission;
import org.caart.company.entity.Role;
import org.caart.platform.NotFoundException;
import org.caart.web.company.CompanyChoices.Choice;

/**
 * The company the user is working in. Every portal page takes it as its {@code company} parameter (a link or the
 * switcher in the header); a company the user does not belong to answers 404. Without a parameter the last one
 * chosen stays, or the first company of the user.
 */
@Named
@SessionScoped
public class CurrentCompany implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CompanyChoices companies;

    private Long id;

    /**
     * The page parameter: only a company of the caller's can be chosen. Faces sets it again on every postback (a
     * poll); the company already chosen is not looked up again then (the boundaries check access on each call).
     */
    public void setSelected(Long companyId) {
        if (companyId == null || companyId.equals(id)) {
            return;
        }
        if (choices().stream().noneMatch(c -> c.id() == companyId)) {
            throw new NotFoundException("Company");
        }
        this.id = companyId;
    }

    public Long getSelected() {
        return current().map(Choice::id).orElse(null);
    }

    public List<Choice> choices() {
        return companies.list();
    }

    public Optional<Choice> current() {
        List<Choice> choices = choices();
        return choices.stream().filter(c -> id != null && c.id() == id).findFirst()
                .or(() -> choices.stream().findFirst());
    }

    /** The current company's id for the boundaries; none yet is "not found". */
    public long id() {
        return current().map(Choice::id).orElseThrow(() -> new NotFoundException("Company"));
    }

    public String getName() {
        return current().map(Choice::name).orElse("");
    }

    public boolean isPresent() {
        return current().isPresent();
    }

    /** For showing or hiding actions; the boundaries check the same matrix again. */
    public boolean can(String permission) {
        return current().map(c -> Role.valueOf(c.role())
                .can(Permission.valueOf(permission))).orElse(false);
    }
}
