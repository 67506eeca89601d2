package org.caart.endpoint.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caart.contract.agent.v1.HostView;
import org.caart.platform.ForbiddenException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The oldest agent version the server accepts ({@code caart.agent.min-version}, empty: any). Versions compare by
 * their leading numbers ({@code 1.2.0-SNAPSHOT} is 1.2.0); an agent whose version has no number is refused while a
 * minimum is set, since nothing says it is new enough.
 */
@ApplicationScoped
public class AgentVersions {

    private static final Pattern NUMBERS = Pattern.compile("^(\\d+(?:\\.\\d+)*)");

    @Inject
    @ConfigProperty(name = "caart.agent.min-version")
    Optional<String> minimum;

    /** Refuses (403, with what to install) an agent older than the minimum. */
    public void require(HostView host) {
        String wanted = minimum.map(String::strip).orElse("");
        if (wanted.isEmpty() || host == null) {
            return;
        }
        String version = host.agentVersion() == null ? "" : host.agentVersion().strip();
        if (!atLeast(version, wanted)) {
            throw new ForbiddenException("This agent (version " + (version.isEmpty() ? "unknown" : clip(version))
                    + ") is older than this server accepts (" + wanted + " or newer): install the agent the server"
                    + " offers at /api/agent/v1/download/caart-agent.jar and start it again");
        }
    }

    static boolean atLeast(String version, String minimum) {
        List<Integer> have = numbers(version);
        List<Integer> need = numbers(minimum);
        if (have.isEmpty()) {
            return need.isEmpty();
        }
        for (int i = 0; i < Math.max(have.size(), need.size()); i++) {
            int a = i < have.size() ? have.get(i) : 0;
            int b = i < need.size() ? need.get(i) : 0;
            if (a != b) {
                return a > b;
            }
        }
        return true;
    }

    private static List<Integer> numbers(String version) {
        Matcher m = NUMBERS.matcher(version);
        List<Integer> parts = new ArrayList<>();
        if (m.find()) {
            for (String part : m.group(1).split("\\.")) {
                parts.add(part.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(part));
            }
        }
        return parts;
    }

    private static String clip(String version) {
        String printable = version.replaceAll("[^\\p{Alnum}.+_-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
