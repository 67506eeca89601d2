package org.caart.waiver.boundary;

import java.util.List;
import org.caart.waiver.entity.Waiver;

/** An exception with the name of its endpoint (ENDPOINT scope) and the observed values it was granted for. */
public record WaiverDetail(Waiver waiver, String hostname, List<String> evidence) {

    public WaiverDetail {
        evidence = List.copyOf(evidence);
    }

    /** How the scope reads for people: the host's name, the tag, or the whole company. */
    public String scopeText() {
        return switch (waiver.getScope()) {
            case ENDPOINT -> "endpoint " + (hostname == null ? "#" + waiver.getEndpointId() : hostname);
            case TAG -> "endpoints tagged " + waiver.getTag();
            case COMPANY -> "the whole company";
        };
    }
}
