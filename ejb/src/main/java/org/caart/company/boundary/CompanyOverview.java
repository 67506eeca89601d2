package org.caart.company.boundary;

import java.time.OffsetDateTime;

/** A company as the platform operator's list shows it: who it is and how many members it has, nothing inside it. */
public record CompanyOverview(long id, String name, String timeZone, OffsetDateTime createdAt, long members) {
}
