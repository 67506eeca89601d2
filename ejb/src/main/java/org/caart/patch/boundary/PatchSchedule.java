package org.caart.patch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import org.caart.audit.boundary.ComplianceRuns;
import org.caart.company.boundary.Companies;
import org.caart.platform.jobs.DailyJob;

/**
 * Patch's daily work per company, each step in its own transaction: at the company's compliance hour the nightly
 * compliance run (audit's; the hour is a patch setting), then at its check hour the daily patch check, whose digest
 * reports that run's findings.
 */
@ApplicationScoped
public class PatchSchedule implements DailyJob {

    private static final System.Logger LOG = System.getLogger(PatchSchedule.class.getName());

    @Inject
    Companies companies;

    @Inject
    PatchPolicies policies;

    @Inject
    ComplianceRuns complianceRuns;

    @Inject
    PatchChecks patchChecks;

    @Override
    public void runDue() {
        List<Long> ids = companies.ids();
        Map<Long, Integer> complianceHours = policies.complianceHours(ids);
        for (long companyId : ids) {
            try {
                complianceRuns.nightlyIfDue(companyId, complianceHours.get(companyId));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Nightly compliance run of company " + companyId
                        + " failed; it is retried at the next tick", e);
            }
            try {
                patchChecks.dailyIfDue(companyId);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Daily patch check of company " + companyId
                        + " failed; it is retried at the next tick", e);
            }
        }
    }
}
