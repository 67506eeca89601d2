package org.caart.web.patch;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caart.mail.boundary.Outbox;
import org.caart.mail.entity.OutboxMail;
import org.caart.patch.boundary.ApiKeys;
import org.caart.patch.boundary.PatchPolicies.Settings;
import org.caart.patch.boundary.PatchPolicies;
import org.caart.patch.entity.ApiKey;
import org.caart.platform.InvalidInputException;
import org.caart.web.CompanyTime;
import org.caart.web.FormMessages;
import org.caart.web.company.CompanyOptions.Option;
import org.caart.web.company.CurrentCompany;
import org.caart.web.security.CurrentUser;

/** Patch settings of a company, for its owners and admins: the patch policy, API keys, and the company's outbox. */
@Named
@ViewScoped
public class PatchSettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAILS = 100;

    @Inject
    PatchPolicies policies;

    @Inject
    CompanyTime time;

    @Inject
    ApiKeys apiKeys;

    @Inject
    Outbox outbox;

    @Inject
    PatchOptions options;

    @Inject
    CurrentCompany current;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private long companyId;
    private Integer maxAgeDays;
    private Integer warningDays;
    private Integer checkHour;
    private Integer complianceHour;
    private Integer staleAgentHours;
    private List<MaxAge> typeOverrides = List.of();
    private List<MaxAge> criticalityOverrides = List.of();
    private List<KeyRow> keys = List.of();
    private List<MailRow> mails = List.of();
    private String keyName;
    private String secret;

    public void load() {
        companyId = current.id();
        show(policies.get(companyId));
        keys = apiKeys.list(companyId).stream().map(k -> KeyRow.of(k, time)).toList();
        mails = outbox.forCompany(companyId, MAILS).stream().map(m -> MailRow.of(m, time)).toList();
    }

    public void save() {
        try {
            show(policies.update(companyId, new Settings(maxAgeDays, warningDays, checkHour, complianceHour,
                    staleAgentHours, days(typeOverrides), days(criticalityOverrides)), user.sourceAddress()));
            FormMessages.info(faces, "Patch policy saved; every device was evaluated again");
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "policy", e);
        }
    }

    public void createKey() {
        try {
            ApiKeys.Created created = apiKeys.create(companyId, keyName, user.sourceAddress());
            secret = created.secret();
            keyName = null;
            FormMessages.info(faces, "API key " + created.key().getName() + " created");
            keys = apiKeys.list(companyId).stream().map(k -> KeyRow.of(k, time)).toList();
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "keys", e);
        }
    }

    public void revoke(KeyRow row) {
        secret = null;
        apiKeys.revoke(companyId, row.id(), user.sourceAddress());
        FormMessages.info(faces, "API key " + row.name() + " revoked: it is refused from now on");
        keys = apiKeys.list(companyId).stream().map(k -> KeyRow.of(k, time)).toList();
    }

    private void show(Settings settings) {
        maxAgeDays = settings.maxAgeDays();
        warningDays = settings.warningDays();
        checkHour = settings.checkHour();
        complianceHour = settings.complianceHour();
        staleAgentHours = settings.staleAgentHours();
        typeOverrides = overrides(options.getTypes(), settings.typeMaxAgeDays());
        criticalityOverrides = overrides(options.getCriticalities(), settings.criticalityMaxAgeDays());
    }

    private static List<MaxAge> overrides(List<Option> choices, Map<String, Integer> days) {
        return choices.stream().map(o -> new MaxAge(o.value(), o.label(), days.get(o.value()))).toList();
    }

    private static Map<String, Integer> days(List<MaxAge> overrides) {
        Map<String, Integer> days = new LinkedHashMap<>();
        overrides.stream().filter(o -> o.getDays() != null).forEach(o -> days.put(o.getSubject(), o.getDays()));
        return days;
    }

    /** One device type's or criticality's own maximum age; empty means the company's maximum age. */
    public static class MaxAge implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String subject;
        private final String label;
        private Integer days;

        MaxAge(String subject, String label, Integer days) {
            this.subject = subject;
            this.label = label;
            this.days = days;
        }

        public String getSubject() {
            return subject;
        }

        public String getLabel() {
            return label;
        }

        public Integer getDays() {
            return days;
        }

        public void setDays(Integer days) {
            this.days = days;
        }
    }

    /** An API key as listed: never its secret, only the first characters. */
    public record KeyRow(long id, String name, String prefix, String createdBy, String createdAt, String lastUsedAt,
            String revokedAt, boolean active) implements Serializable {

        static KeyRow of(ApiKey k, CompanyTime time) {
            return new KeyRow(k.getId(), k.getName(), k.getKeyPrefix() + "…", k.getCreatedBy(),
                    time.of(k.getCreatedAt()), k.getLastUsedAt() == null ? "never" : time.of(k.getLastUsedAt()),
                    time.of(k.getRevokedAt()), k.isActive());
        }
    }

    public record MailRow(long id, String status, String recipient, String subject, int attempts, String createdAt,
            String sentAt, String lastError) implements Serializable {

        static MailRow of(OutboxMail m, CompanyTime time) {
            return new MailRow(m.getId(), m.getStatus().name(), m.getRecipient(), m.getSubject(), m.getAttempts(),
                    time.of(m.getCreatedAt()), time.of(m.getSentAt()), m.getLastError());
        }
    }

    public Integer getMaxAgeDays() {
        return maxAgeDays;
    }

    public void setMaxAgeDays(Integer maxAgeDays) {
        this.maxAgeDays = maxAgeDays;
    }

    public Integer getWarningDays() {
        return warningDays;
    }

    public void setWarningDays(Integer warningDays) {
        this.warningDays = warningDays;
    }

    public Integer getCheckHour() {
        return checkHour;
    }

    public void setCheckHour(Integer checkHour) {
        this.checkHour = checkHour;
    }

    public Integer getComplianceHour() {
        return complianceHour;
    }

    public void setComplianceHour(Integer complianceHour) {
        this.complianceHour = complianceHour;
    }

    public Integer getStaleAgentHours() {
        return staleAgentHours;
    }

    public void setStaleAgentHours(Integer staleAgentHours) {
        this.staleAgentHours = staleAgentHours;
    }

    public List<MaxAge> getTypeOverrides() {
        return typeOverrides;
    }

    public List<MaxAge> getCriticalityOverrides() {
        return criticalityOverrides;
    }

    public List<KeyRow> getKeys() {
        return keys;
    }

    public List<MailRow> getMails() {
        return mails;
    }

    public String getKeyName() {
        return keyName;
    }

    public void setKeyName(String keyName) {
        this.keyName = keyName;
    }

    public String getSecret() {
        return secret;
    }
}
