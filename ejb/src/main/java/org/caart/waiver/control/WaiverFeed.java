package org.caart.waiver.control;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.caart.platform.FeedEvent;
import org.caart.waiver.entity.Waiver;

/** An exception's step as a SIEM feed event: granted, expired or reopened, with the status before and after. */
public final class WaiverFeed {

    private WaiverFeed() {
    }

    public static FeedEvent event(Waiver w, String type, String before, String detail, OffsetDateTime now) {
        return new FeedEvent(w.getCompanyId(), now, type,
                w.getSeverity() == null ? "info" : w.getSeverity().toLowerCase(Locale.ROOT), w.getEndpointId(), null,
                w.getPolicyId(), w.getCheckId(), "exception #" + w.getId() + ": " + w.getCheckTitle() + " ("
                        + w.scopeText() + ")", before, w.getStatus().name(), detail);
    }
}
