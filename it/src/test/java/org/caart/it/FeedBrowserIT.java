package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The SIEM feed page in Chromium, as an owner: the feed switched on, a destination refused with the field named, a
 * destination added, and its state after the server tried it (a link-local address: refused by the server's own
 * rule, so the page shows Retrying with the reason and the next attempt). Screenshots in it/target/screenshots.
 */
@ExtendWith(SharedServer.class)
class FeedBrowserIT {

    @Test
    void anOwnerSwitchesTheFeedOnAndSeesWhereItsDestinationStands() {
        Tenant t = Tenant.create("feed-browser");
        try (Browser owner = new Browser(SharedServer.server())) {
            owner.login(t.ownerEmail(), t.password());
            owner.open("/app/feed.xhtml?company=" + t.companyId());
            owner.screenshot("feed-1-off");
            owner.click("settings:enabled");
            owner.click("settings:save");
            assertTrue(owner.textOf("messages").contains("The feed is on"), owner.text());

            owner.type("destination:name", "SOC collector");
            owner.type("destination:host", "169.254.10.10");
            owner.type("destination:port", "70000");
            owner.click("destination:add");
            assertTrue(owner.text().contains("A port is 1 to 65535"), owner.text());
            owner.screenshot("feed-2-bad-port");
            owner.type("destination:port", "6514");
            owner.click("destination:add");
            assertTrue(owner.textOf("messages").contains("Destination SOC collector added"), owner.text());

            new WebDriverWait(owner.driver(), Duration.ofSeconds(30)).until(d -> {
                owner.open("/app/feed.xhtml?company=" + t.companyId());
                return owner.textOf("destinations:list").contains("Retrying");
            });
            String table = owner.textOf("destinations:list");
            assertTrue(table.contains("169.254.10.10:6514 (TLS), JSON"), table);
            assertTrue(table.contains("next attempt"), table);
            assertTrue(table.contains("a network the feed may not reach"), table);
            assertFalse(table.contains("T0") || table.contains("Z"), "times are human, not ISO: " + table);
            owner.screenshot("feed-3-retrying");
            owner.screenshot("feed-4-destinations", "destinations:list");
        }
    }
}
