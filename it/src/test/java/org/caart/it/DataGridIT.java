package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data grid (Hazelcast) let anyone on the network administer an unclustered server: it listened on *:6900
 * with the default cluster name. Unclustered, the server now listens on its HTTP port only; clustered, the grid
 * binds the configured interface and a client must present the secret cluster name.
 */
@ExtendWith(SharedServer.class)
class DataGridIT {

    @Test
    void theDefaultStartListensOnTheHttpPortAndNothingElse() {
        CaartServer server = SharedServer.server();
        assertEquals(Set.of(server.port()), ListeningSockets.ports(server.serverProcess().pid()),
                ListeningSockets.of(server.serverProcess().pid()).toString());
    }

    @Test
    void aClusteredServerBindsOneInterfaceAndRefusesAGridClientWithTheWrongClusterName() {
        int gridPort = CaartServer.freePort();
        String secret = SharedServer.randomPassword().replaceAll("[^A-Za-z0-9]", "x") + "0123456789";
        try (CaartServer server = CaartServer.configure("grid", Map.of("CAART_CLUSTER", "true",
                "CAART_CLUSTER_NAME", secret, "CAART_CLUSTER_INTERFACE", "127.0.0.1",
                "CAART_CLUSTER_PORT", String.valueOf(gridPort),
                "CAART_CLUSTER_MEMBERS", "127.0.0.1:" + gridPort)).start()) {
            Set<String> sockets = ListeningSockets.of(server.serverProcess().pid());
            assertTrue(sockets.contains("127.0.0.1:" + gridPort), sockets.toString());
            assertEquals(Set.of(server.port(), gridPort), ListeningSockets.ports(server.serverProcess().pid()),
                    sockets.toString());

            assertThrows(IllegalStateException.class, () -> client("dev", gridPort).shutdown(),
                    "Payara's default cluster name");
            assertThrows(IllegalStateException.class, () -> client(secret + "x", gridPort).shutdown());
            HazelcastInstance member = client(secret, gridPort);
            try {
                assertTrue(member.getLifecycleService().isRunning(), "the secret name is what lets a client in");
            } finally {
                member.shutdown();
            }
            server.serverProcess().info().arguments().ifPresent(arguments -> assertFalse(
                    String.join(" ", arguments).contains(secret), "and off the command line"));
        }
    }

    private static HazelcastInstance client(String clusterName, int port) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.getNetworkConfig().addAddress("127.0.0.1:" + port);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(5_000);
        config.setProperty("hazelcast.logging.type", "jdk");
        return HazelcastClient.newHazelcastClient(config);
    }
}
