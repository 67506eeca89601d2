package org.caart.feed.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The networks a feed destination may not be in (configuration {@code caart.feed.refused-networks}, CIDR list):
 * by default the server's own loopback, "this network" and link-local addresses (cloud metadata services), so an
 * owner cannot make the server talk to its own or its host's private services. Checked on the address a
 * connection actually goes to, after resolution.
 */
public final class Networks {

    public static final String DEFAULT = "127.0.0.0/8,::1/128,0.0.0.0/8,::/128,169.254.0.0/16,fe80::/10";

    private final List<byte[]> prefixes = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();

    public Networks(String cidrs) {
        if (cidrs == null) {
            return;
        }
        for (String cidr : cidrs.split(",")) {
            String c = cidr.strip();
            if (c.isEmpty() || c.equals("none")) {
                continue;
            }
            int slash = c.indexOf('/');
            try {
                byte[] address = InetAddress.getByName(slash < 0 ? c : c.substring(0, slash)).getAddress();
                int length = slash < 0 ? address.length * 8 : Integer.parseInt(c.substring(slash + 1));
                if (length < 0 || length > address.length * 8) {
                    throw new IllegalArgumentException("caart.feed.refused-networks: bad prefix length in " + c);
                }
                prefixes.add(address);
                lengths.add(length);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("caart.feed.refused-networks: not a network: " + c, e);
            }
        }
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        for (int i = 0; i < prefixes.size(); i++) {
            byte[] p = prefixes.get(i);
            if (p.length == a.length && matches(p, a, lengths.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] prefix, byte[] address, int bits) {
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (prefix[i] != address[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (prefix[whole] & mask) == (address[whole] & mask);
    }
}
