package org.caart.policy.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;
import org.caart.policy.entity.PolicyFormat;
import org.caart.policy.entity.UploadedPolicy;

/**
 * An uploaded policy without its content: what lists and the audit form's policy choice show. The component types
 * are the entity's field types, as the JPQL constructor expression needs.
 */
public record PolicySummary(Long id, String name, PolicyFormat format, int checkCount, int commandChecks,
                            int findingsCount, String uploadedBy, OffsetDateTime uploadedAt) implements Serializable {

    /** The audit policy choice naming this policy. */
    public String choice() {
        return UploadedPolicy.CHOICE_PREFIX + id;
    }
}
