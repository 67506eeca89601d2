package org.caart.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.caart.audit.boundary.Dashboards;
import org.caart.audit.boundary.PolicyTrend;
import org.caart.web.company.CurrentCompany;
import org.junit.jupiter.api.Test;

class DashboardBackingTest {

    /** The boundary: 45 failing checks; counts every call. */
    static final class CountingDashboards extends Dashboards {
        int calls;

        @Override
        public Dashboard of(long companyId, int failingFirst, int failingMax) {
            calls++;
            return new Dashboard(ZoneId.of("Europe/Berlin"), List.of(), List.of(), 75.0, 75.0,
                    List.of(new PolicyTrend("deb", "Debian", List.of(new PolicyTrend.Point(1, "Week 1",
                            OffsetDateTime.parse("2026-12-01T10:00:00Z"), 75)))),
                    page(failingFirst, failingMax), 0);
        }

        @Override
        public FailingPage failing(long companyId, int first, int max) {
            calls++;
            return page(first, max);
        }

        private static FailingPage page(int first, int max) {
            return new FailingPage(IntStream.range(first, Math.min(45, first + max)).mapToObj(i -> new FailingCheck(
                    1, "web-01", "Debian", "check-" + i, "Check " + i, "HIGH",
                    OffsetDateTime.parse("2026-12-01T10:00:00Z"), 1, null)).toList(), 45);
        }
    }

    /** The company chosen, without the session's lookups. */
    static final class Seven extends CurrentCompany {
        @Override
        public boolean isPresent() {
            return true;
        }

        @Override
        public long id() {
            return 7;
        }

        @Override
        public String getName() {
            return "Seven";
        }

        @Override
        public boolean can(String permission) {
            return true;
        }
    }

    @Test
    void aPollIsOneBoundaryCallThatAlsoBringsTheFailingChecksOnScreen() {
        DashboardBacking backing = new DashboardBacking();
        CountingDashboards dashboards = new CountingDashboards();
        backing.dashboards = dashboards;
        backing.current = new Seven();
        backing.load();
        render(backing);
        assertEquals(1, dashboards.calls, "opening the page");

        backing.refresh();
        render(backing);
        assertEquals(2, dashboards.calls, "a poll: one more call, whatever the page draws");
    }

    @Test
    void anotherPageOfFailingChecksIsOneCall() {
        DashboardBacking backing = new DashboardBacking();
        CountingDashboards dashboards = new CountingDashboards();
        backing.dashboards = dashboards;
        backing.current = new Seven();
        backing.load();
        render(backing);
        assertEquals(5, backing.getFailing().load(40, 20, Map.of(), Map.of()).size());
        assertEquals(2, dashboards.calls);
        backing.refresh();
        assertEquals(3, dashboards.calls);
        assertEquals(5, backing.getFailing().load(40, 20, Map.of(), Map.of()).size(),
                "the poll read the page the table stands on");
        assertEquals(3, dashboards.calls);
    }

    /** What the page reads while it is drawn. */
    private static void render(DashboardBacking backing) {
        backing.getDashboard();
        backing.getTrend().getJson();
        backing.isLive();
        backing.isMayRunAudits();
        backing.getCompanyName();
        backing.getFailing().count(Map.of());
        backing.getFailing().load(backing.getFailing().first(), backing.getFailing().max(), Map.of(), Map.of());
    }
}
