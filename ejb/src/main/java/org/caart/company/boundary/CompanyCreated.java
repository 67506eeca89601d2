package org.caart.company.boundary;

import org.caart.company.entity.Company;

/** Fired in the creating transaction once the company is stored (policy presets its default policies then). */
public record CompanyCreated(Company company) {
}
