package org.caart.policy.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caart.company.boundary.Access;
import org.caart.company.boundary.CompanyCreated;
import org.caart.company.entity.ClientOs.OsFamily;
import org.caart.company.entity.Company;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.platform.ConflictException;
import org.caart.platform.InvalidInputException;
import org.caart.platform.NotFoundException;
import org.caart.platform.TrailRecorder;
import org.caart.policy.control.PolicyValidation;
import org.caart.policy.entity.UploadedPolicy;

/**
 * Policies a company uploads (UC5: "create an audit with an uploaded policy"). Each is validated with the agent's
 * parser on upload and kept as sent. A policy that an open audit run still has to receive cannot be deleted; finished
 * runs keep its id and name, so their results stay readable after it is gone.
 */
@Stateless
public class Policies {

    private static final System.Logger LOG = System.getLogger(Policies.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    @Inject
    Clock clock;

    @Inject
    Event<PolicyRemoval> removal;

    /** Refuses (404, 403) a caller who may not upload to this company: checked before the file is read. */
    public void requireUploader(long companyId) {
        access.require(companyId, Permission.RUN_AUDITS);
    }

    /** A new company starts with each OS family's built-in baseline as its default policy. */
    public void presetDefaults(@Observes CompanyCreated event) {
        event.company().chooseDefaultPolicies(BuiltInPolicies.defaultFor(OsFamily.WINDOWS).id(),
                BuiltInPolicies.defaultFor(OsFamily.LINUX).id());
    }

    /** The policies audits use when they name none (owners and admins); ids of built-in policies of that family. */
    public Company chooseDefaults(long companyId, String windowsPolicy, String linuxPolicy,
            String sourceAddress) {
        Membership membership = access.require(companyId, Permission.MANAGE_COMPANY);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!fits(windowsPolicy, OsFamily.WINDOWS)) {
            errors.put("defaultWindowsPolicy", "Choose a Windows policy from the list");
        }
        if (!fits(linuxPolicy, OsFamily.LINUX)) {
            errors.put("defaultLinuxPolicy", "Choose a Linux policy from the list");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Company company = membership.getCompany();
        company.chooseDefaultPolicies(windowsPolicy, linuxPolicy);
        trail.record(companyId, membership.getUser().getId(), membership.getUser().getEmail(),
                "company.default-policies", company.getName(), "Windows " + windowsPolicy + ", Linux " + linuxPolicy,
                sourceAddress);
        return company;
    }

    private static boolean fits(String policyId, OsFamily family) {
        return policyId != null && BuiltInPolicies.find(policyId).filter(p -> p.family() == family).isPresent();
    }

    /**
     * Validates and stores a policy file; {@code name} overrides the policy's own name. Invalid files are refused
     * with the parser's message (file and, where known, line or check).
     */
    public UploadedPolicy upload(long companyId, String fileName, String name, String text, String sourceAddress) {
        Membership member = access.require(companyId, Permission.RUN_AUDITS);
        PolicyValidation.Validated valid = PolicyValidation.validate(fileName, text);
        String chosen = name == null || name.isBlank() ? clip(valid.name()) : name.strip();
        if (chosen.length() > UploadedPolicy.NAME_MAX) {
            throw new InvalidInputException("name", "A policy name has at most " + UploadedPolicy.NAME_MAX
                    + " characters");
        }
        if (nameTaken(companyId, chosen)) {
            throw new ConflictException("The company already has a policy named \"" + chosen
                    + "\"; delete it first or upload under another name");
        }
        UploadedPolicy policy = new UploadedPolicy(companyId, chosen, valid.format(), text, valid.checkCount(),
                valid.commandChecks(), valid.findings(), member.getUser().getEmail(), OffsetDateTime.now(clock));
        em.persist(policy);
        em.flush();
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "policy.upload", chosen,
                valid.format() + ", " + valid.checkCount() + " checks, " + valid.findings().size() + " unsupported",
                sourceAddress);
        LOG.log(Level.INFO, "Policy {0} uploaded to company {1}", policy.getId(), companyId);
        return policy;
    }

    /** The company's uploaded policies, by name, without their content. */
    public List<PolicySummary> list(long companyId) {
        access.require(companyId, Permission.VIEW);
        return em.createQuery("SELECT NEW org.caart.policy.boundary.PolicySummary(p.id, p.name, p.format, "
                        + "p.checkCount, p.commandChecks, p.findingsCount, p.uploadedBy, p.uploadedAt) "
                        + "FROM UploadedPolicy p WHERE p.companyId = :company ORDER BY p.name", PolicySummary.class)
                .setParameter("company", companyId).getResultList();
    }

    public UploadedPolicy get(long companyId, long policyId) {
        access.require(companyId, Permission.VIEW);
        return find(companyId, policyId);
    }

    /** The uploaded policy an audit's choice ({@code upload:<id>}) names; another company's id is not found. */
    public UploadedPolicy chosen(long companyId, String choice) {
        access.require(companyId, Permission.VIEW);
        long id = UploadedPolicy.idOfChoice(choice).filter(n -> n > 0)
                .orElseThrow(() -> new InvalidInputException("policy", "Choose a policy from the list"));
        return find(companyId, id);
    }

    public void delete(long companyId, long policyId, String sourceAddress) {
        Membership member = access.require(companyId, Permission.RUN_AUDITS);
        UploadedPolicy policy = find(companyId, policyId);
        removal.fire(new PolicyRemoval(companyId, policy.choice()));
        em.remove(policy);
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "policy.delete",
                policy.getName(), null, sourceAddress);
    }

    private boolean nameTaken(long companyId, String name) {
        return em.createQuery("SELECT COUNT(p) FROM UploadedPolicy p WHERE p.companyId = :company AND p.name = :name",
                        Long.class)
                .setParameter("company", companyId).setParameter("name", name).getSingleResult() > 0;
    }

    private UploadedPolicy find(long companyId, long policyId) {
        return em.createQuery("SELECT p FROM UploadedPolicy p WHERE p.id = :id AND p.companyId = :company",
                        UploadedPolicy.class)
                .setParameter("id", policyId).setParameter("company", companyId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Policy"));
    }

    private static String clip(String name) {
        return name.length() > UploadedPolicy.NAME_MAX ? name.substring(0, UploadedPolicy.NAME_MAX) : name;
    }
}
