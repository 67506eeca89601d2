package org.caart.web.api.patch;

import java.util.List;
import org.caart.mail.entity.OutboxMail;
import org.caart.patch.boundary.Devices;
import org.caart.patch.entity.ApiKey;
import org.caart.patch.entity.Device;
import org.caart.patch.entity.PatchCheck;
import org.caart.patch.entity.PatchRecord;

/** The wire records of the patch API (never entities). */
public final class PatchViews {

    private PatchViews() {
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public record DeviceView(long id, String name, String type, String criticality, String responsible,
            boolean agentBacked, Long endpointId, String lastPatchDate, String patchSource, String patchDetail,
            String osBuild, String status, Integer daysLeft, String expiry, String evaluatedOn) {
        public static DeviceView of(Device d) {
            return new DeviceView(d.getId(), d.getName(), d.getType().name(), d.getCriticality().name(),
                    d.getResponsible(), d.isAgentBacked(), d.getEndpointId(), text(d.getLastPatchDate()),
                    text(d.getPatchSource()), d.getPatchDetail(), d.getOsBuild(), d.getStatus().name(),
                    d.getDaysLeft(), text(d.getExpiry()), text(d.getEvaluatedOn()));
        }
    }

    public record PatchRecordView(String patchDate, String source, String detail, String recordedBy,
            String recordedAt) {
        public static PatchRecordView of(PatchRecord r) {
            return new PatchRecordView(r.getPatchDate().toString(), r.getSource().name(), r.getDetail(),
                    r.getRecordedBy(), r.getRecordedAt().toString());
        }
    }

    /** The body of "create an API key" (read as JSON; this record describes it in /openapi). */
    public record ApiKeyRequest(String name) {
    }

    public record ImportView(int created, int updated, int unchanged, List<Devices.RefusedLine> refused) {
    }

    public record CheckView(long id, String runDate, String kind, String actor, String startedAt, String finishedAt,
            int devices, int current, int dueSoon, int overdue, int unknown, int newlyOverdue, int mails,
            int statements) {
        public static CheckView of(PatchCheck c) {
            return new CheckView(c.getId(), c.getRunDate().toString(), c.getKind().name(), c.getActor(),
                    c.getStartedAt().toString(), text(c.getFinishedAt()), c.getDevices(), c.getCurrent(),
                    c.getDueSoon(), c.getOverdue(), c.getUnknown(), c.getNewlyOverdue(), c.getMails(),
                    c.getStatements());
        }
    }

    /** A key as listed: never its secret. {@code secret} is set only in the answer to its creation. */
    public record ApiKeyView(long id, String name, String prefix, String createdBy, String createdAt,
            String lastUsedAt, String revokedAt, String secret) {
        public static ApiKeyView of(ApiKey k, String secret) {
            return new ApiKeyView(k.getId(), k.getName(), k.getKeyPrefix(), k.getCreatedBy(),
                    k.getCreatedAt().toString(), text(k.getLastUsedAt()), text(k.getRevokedAt()), secret);
        }
    }

    public record OutboxView(long id, String recipient, String subject, String status, int attempts,
            String createdAt, String sentAt, String lastError) {
        public static OutboxView of(OutboxMail m) {
            return new OutboxView(m.getId(), m.getRecipient(), m.getSubject(), m.getStatus().name(), m.getAttempts(),
                    m.getCreatedAt().toString(), text(m.getSentAt()), m.getLastError());
        }
    }
}
