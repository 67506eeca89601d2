package org.caart.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A policy file a company uploaded (CAaRT or Wazuh SCA), validated with the agent's parser when it arrived. An
 * audit chooses it as {@code upload:<id>}; the agent receives its content with each order and runs its command
 * checks only where the host allows server-sent commands. The findings are what the parser could not evaluate
 * exactly; they do not change once stored, since the content does not either.
 */
@Entity
@Table(name = "uploaded_policy")
public class UploadedPolicy {

    public static final String CHOICE_PREFIX = "upload:";
    public static final int NAME_MAX = 200;
    /**
     * Wazuh's own CIS Windows 11 policy has 1.5 MiB; SnakeYAML's default limit (which the CAaRT parser keeps) is
     * 3 Mi code points, so any file within this size is read rather than cut off by the parser.
     */
    public static final int CONTENT_MAX_BYTES = 3 << 20;
    static final int FINDINGS_MAX_CHARS = 2 << 20;
    /** Findings kept for display; {@link #getFindingsCount()} counts them all. */
    public static final int FINDINGS_KEPT = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "uploaded_policy_seq")
    @SequenceGenerator(name = "uploaded_policy_seq", sequenceName = "uploaded_policy_seq", allocationSize = 50)
    private Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    private long companyId;

    @Column(name = "name", nullable = false, length = NAME_MAX, updatable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "format", nullable = false, length = 10, updatable = false)
    private PolicyFormat format;

    @Column(name = "content", nullable = false, length = CONTENT_MAX_BYTES, updatable = false)
    private String content;

    @Column(name = "check_count", nullable = false, updatable = false)
    private int checkCount;

    @Column(name = "command_checks", nullable = false, updatable = false)
    private int commandChecks;

    @Column(name = "findings_count", nullable = false, updatable = false)
    private int findingsCount;

    @Column(name = "findings", nullable = false, length = FINDINGS_MAX_CHARS, updatable = false)
    private String findings;

    @Column(name = "uploaded_by", nullable = false, length = 254, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private OffsetDateTime uploadedAt;

    protected UploadedPolicy() {
    }

    public UploadedPolicy(long companyId, String name, PolicyFormat format, String content, int checkCount,
                          int commandChecks, List<PolicyFinding> findings, String uploadedBy, OffsetDateTime uploadedAt) {
        if (name == null || name.isBlank() || name.length() > NAME_MAX) {
            throw new IllegalArgumentException("a policy name has 1 to " + NAME_MAX + " characters");
        }
        this.companyId = companyId;
        this.name = name;
        this.format = Objects.requireNonNull(format);
        this.content = Objects.requireNonNull(content);
        this.checkCount = checkCount;
        this.commandChecks = commandChecks;
        this.findingsCount = findings.size();
        this.findings = findings.stream().limit(FINDINGS_KEPT).map(PolicyFinding::line)
                .collect(Collectors.joining("\n"));
        this.uploadedBy = Objects.requireNonNull(uploadedBy);
        this.uploadedAt = Objects.requireNonNull(uploadedAt);
    }

    /** The id of an uploaded policy in an audit's policy choice ({@code upload:<id>}), if it is one. */
    public static Optional<Long> idOfChoice(String choice) {
        if (choice == null || !choice.startsWith(CHOICE_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(choice.substring(CHOICE_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.of(-1L);
        }
    }

    /**
     * For policies with command checks: how many, their share of the checks, and how a host allows them (else they
     * are not run and left out of the score); null without any.
     */
    public String commandNote() {
        if (commandChecks == 0) {
            return null;
        }
        long share = Math.round(commandChecks * 100.0 / checkCount);
        return commandChecks + " of " + checkCount + " checks (" + share + " %) run commands. They run only on hosts "
                + "whose agent allows commands from the server: set allow-server-commands=true in the agent's "
                + "agent.properties (/etc/caart/agent.properties as root on Linux, %APPDATA%\\CAaRT on Windows) "
                + "and restart it. On other hosts "
                + "they are reported as not run and left out of the score, which then rests on the other "
                + (checkCount - commandChecks) + " checks (docs/policies.md, \"Commands and safety\").";
    }

    public String choice() {
        return CHOICE_PREFIX + id;
    }

    public List<PolicyFinding> findings() {
        return findings.isEmpty() ? List.of() : findings.lines().map(PolicyFinding::ofLine).toList();
    }

    public Long getId() {
        return id;
    }

    public long getCompanyId() {
        return companyId;
    }

    public String getName() {
        return name;
    }

    public PolicyFormat getFormat() {
        return format;
    }

    public String getContent() {
        return content;
    }

    public int getCheckCount() {
        return checkCount;
    }

    public int getCommandChecks() {
        return commandChecks;
    }

    public int getFindingsCount() {
        return findingsCount;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public OffsetDateTime getUploadedAt() {
        return uploadedAt;
    }
}
