package org.caart.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.caart.platform.Times;
import org.caart.web.company.CurrentCompany;

/**
 * Every time a page shows, through one formatter ({@link Times#human}): in the current company's time zone, UTC on
 * pages outside a company (the operator's). Pages use {@code #{time.of(x)}}; page beans building rows call it too.
 */
@Named("time")
@RequestScoped
public class CompanyTime {

    @Inject
    CurrentCompany current;

    private ZoneId zone;

    public String of(Object value) {
        if (value instanceof OffsetDateTime at) {
            return Times.human(at, zone());
        }
        if (value instanceof Instant at) {
            return Times.human(at, zone());
        }
        return value == null ? "" : value.toString();
    }

    public ZoneId zone() {
        if (zone == null) {
            zone = Times.zone(current.current().map(c -> c.timeZone()).orElse(null));
        }
        return zone;
    }
}
