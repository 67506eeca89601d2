package org.caart.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The caller's address for throttles and the trail. Off by default, this is the connection's peer. Behind a
 * reverse proxy every caller would share the proxy's address (one throttle for everyone), so the proxies listed in
 * {@code caart.trusted-proxies} (their exact addresses, comma-separated) may name the client in
 * {@code X-Forwarded-For}: the address is then the right-most entry that is not itself a trusted proxy. A header
 * from any other peer is ignored, since anyone can send one.
 */
public final class ClientAddress {

    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");
    private static volatile Set<String> trusted;

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted());
    }

    static String of(String peer, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = List.of(forwardedFor.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (!ADDRESS.matcher(hop).matches()) {
                return peer; // not an address: the proxy passed on something it should not have
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private static Set<String> trusted() {
        Set<String> proxies = trusted;
        if (proxies == null) {
            String listed = ConfigProvider.getConfig().getOptionalValue("caart.trusted-proxies", String.class)
                    .orElse("");
            proxies = Set.copyOf(List.of(listed.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty())
                    .toList());
            trusted = proxies;
        }
        return proxies;
    }
}
