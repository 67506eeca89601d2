package org.caart.audit.boundary;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caart.audit.entity.RunStatus;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.endpoint.entity.EndpointStatus;

/**
 * The standing runs (per endpoint and policy the newest completed run) and the checks failing in them with the start
 * of their streak, set-based: the standing runs come from one aggregation over the company's completed runs, a page of
 * failing checks reads the results of the runs it covers only, and a streak reads the completed runs of the endpoint
 * and policies on that page. Shared by the dashboard and the endpoint page.
 */
final class Standings {

    private static final int CHUNK = 1000;

    /** A standing run of an active endpoint. */
    record Standing(String runId, long auditId, long endpointId, String hostname, String policyId, String policyName,
            int passed, int failed, OffsetDateTime finishedAt, List<String> tags) {
    }

    private final EntityManager em;

    Standings(EntityManager em) {
        this.em = em;
    }

    /** The company's standing runs of its active endpoints, by host name and policy name. */
    List<Standing> of(long companyId) {
        Map<Long, String[]> hosts = new HashMap<>();
        em.createQuery("SELECT e.id, e.hostname, e.tags FROM Endpoint e WHERE e.company.id = :company "
                        + "AND e.status = :active", Object[].class)
                .setParameter("company", companyId).setParameter("active", EndpointStatus.ACTIVE).getResultList()
                .forEach(e -> hosts.put((Long) e[0], new String[] {(String) e[1], (String) e[2]}));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.id, r.audit_id, r.endpoint_id, r.policy_id, "
                        + "r.policy_name, r.passed, r.failed, r.finished_at FROM audit_run r JOIN ("
                        + "SELECT endpoint_id, policy_id, MAX(finished_at) AS last_at FROM audit_run "
                        + "WHERE company_id = ? AND status = 'COMPLETED' GROUP BY endpoint_id, policy_id) s "
                        + "ON r.endpoint_id = s.endpoint_id AND r.policy_id = s.policy_id AND r.finished_at = s.last_at "
                        + "WHERE r.company_id = ? AND r.status = 'COMPLETED'")
                .setParameter(1, companyId).setParameter(2, companyId).getResultList();
        return standing(rows, hosts);
    }

    /** One endpoint's standing runs, by policy name. */
    List<Standing> ofEndpoint(long endpointId, String hostname) {
        // a list, not a stream's findFirst: an endpoint without tags reads as a null element
        List<String> tagged = em.createQuery("SELECT e.tags FROM Endpoint e WHERE e.id = :endpoint", String.class)
                .setParameter("endpoint", endpointId).getResultList();
        String tags = tagged.isEmpty() ? null : tagged.get(0);
        List<Object[]> rows = em.createQuery("SELECT r.id, r.audit.id, r.endpoint.id, r.policyId, r.policyName, "
                        + "r.passed, r.failed, r.finishedAt FROM AuditRun r WHERE r.endpoint.id = :endpoint "
                        + "AND r.status = :completed AND r.finishedAt = (SELECT MAX(n.finishedAt) FROM AuditRun n "
                        + "WHERE n.endpoint.id = :endpoint AND n.policyId = r.policyId AND n.status = :completed)",
                        Object[].class)
                .setParameter("endpoint", endpointId).setParameter("completed", RunStatus.COMPLETED).getResultList();
        return standing(rows, Map.of(endpointId, new String[] {hostname, tags}));
    }

    /** Ties on the finishing time go to the smaller run id; endpoints not in {@code hosts} are left out. */
    private static List<Standing> standing(List<Object[]> rows, Map<Long, String[]> hosts) {
        Map<String, Standing> byEndpointAndPolicy = new HashMap<>();
        for (Object[] r : rows) {
            long endpoint = ((Number) r[2]).longValue();
            String[] host = hosts.get(endpoint);
            if (host == null) {
                continue;
            }
            Standing s = new Standing((String) r[0], ((Number) r[1]).longValue(), endpoint, host[0], (String) r[3],
                    (String) r[4], ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), time(r[7]),
                    host[1] == null ? List.of() : List.of(host[1].split(",")));
            byEndpointAndPolicy.merge(endpoint + "\n" + s.policyId(), s,
                    (a, b) -> a.runId().compareTo(b.runId()) <= 0 ? a : b);
        }
        return byEndpointAndPolicy.values().stream()
                .sorted(Comparator.comparing(Standing::hostname).thenComparing(Standing::policyName)
                        .thenComparing(Standing::endpointId))
                .toList();
    }

    /** How many checks fail in these runs. */
    static long failingCount(List<Standing> runs) {
        return runs.stream().mapToLong(Standing::failed).sum();
    }

    /**
     * The checks failing in these runs (in their order, then by check id) from {@code first}, at most {@code max}:
     * only the runs that hold that page are read.
     */
    List<Dashboards.FailingCheck> failing(List<Standing> runs, long first, int max, Excepted excepted) {
        List<Standing> covered = new ArrayList<>();
        long start = 0;
        long seen = 0;
        for (Standing run : runs) {
            if (seen + run.failed() > first && seen < first + max) {
                if (covered.isEmpty()) {
                    start = seen;
                }
                covered.add(run);
            }
            seen += run.failed();
        }
        if (covered.isEmpty()) {
            return List.of();
        }
        Map<String, List<Object[]>> failedByRun = new HashMap<>();
        em.createQuery("SELECT c.runId, c.checkId, c.title, c.severity, c.id FROM CheckResult c WHERE c.runId IN :runs "
                        + "AND c.status = :failed ORDER BY c.checkId", Object[].class)
                .setParameter("runs", covered.stream().map(Standing::runId).toList())
                .setParameter("failed", CheckStatus.FAILED).getResultList()
                .forEach(r -> failedByRun.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r));
        List<Object[]> page = new ArrayList<>();
        List<Standing> pageRuns = new ArrayList<>();
        long index = start;
        for (Standing run : covered) {
            for (Object[] check : failedByRun.getOrDefault(run.runId(), List.of())) {
                if (index >= first && index < first + max) {
                    page.add(check);
                    pageRuns.add(run);
                }
                index++;
            }
        }
        return withStreaks(page, pageRuns, excepted);
    }

    private List<Dashboards.FailingCheck> withStreaks(List<Object[]> checks, List<Standing> runs, Excepted excepted) {
        Map<String, Since> since = new HashMap<>();
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            byGroup.computeIfAbsent(runs.get(i).runId(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : byGroup.values()) {
            Standing standing = runs.get(group.get(0));
            Set<String> checkIds = new HashSet<>();
            group.forEach(i -> checkIds.add((String) checks.get(i)[1]));
            since.putAll(streaks(standing, checkIds));
        }
        List<Dashboards.FailingCheck> failing = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Object[] c = checks.get(i);
            Standing run = runs.get(i);
            Since start = since.get(run.runId() + "\n" + c[1]);
            failing.add(new Dashboards.FailingCheck(run.endpointId(), run.hostname(), run.policyName(),
                    (String) c[1], (String) c[2], c[3] == null ? "" : c[3].toString(), start.at(), start.auditId(),
                    excepted.exceptionOf((Long) c[4])));
        }
        return failing;
    }

    private record Since(long auditId, OffsetDateTime at) {
    }

    /**
     * For each check failing in the standing run: the oldest audit of the streak of completed runs of that endpoint
     * and policy, newest first, in which it kept failing (a stopped run in between neither ends nor restarts it).
     */
    private Map<String, Since> streaks(Standing standing, Set<String> checkIds) {
        List<Object[]> completed = em.createQuery("SELECT r.id, a.id, a.createdAt FROM AuditRun r JOIN r.audit a "
                        + "WHERE r.endpoint.id = :endpoint AND r.policyId = :policy AND r.status = :completed "
                        + "AND r.finishedAt <= :standing ORDER BY r.finishedAt DESC, r.id", Object[].class)
                .setParameter("endpoint", standing.endpointId()).setParameter("policy", standing.policyId())
                .setParameter("completed", RunStatus.COMPLETED).setParameter("standing", standing.finishedAt())
                .getResultList();
        List<String> runIds = completed.stream().map(r -> (String) r[0]).toList();
        Set<String> failed = new HashSet<>();
        for (int from = 0; from < runIds.size(); from += CHUNK) {
            em.createQuery("SELECT c.runId, c.checkId FROM CheckResult c WHERE c.runId IN :runs "
                            + "AND c.status = :failed AND c.checkId IN :checks", Object[].class)
                    .setParameter("runs", runIds.subList(from, Math.min(runIds.size(), from + CHUNK)))
                    .setParameter("failed", CheckStatus.FAILED).setParameter("checks", List.copyOf(checkIds))
                    .getResultList().forEach(r -> failed.add(r[0] + "\n" + r[1]));
        }
        Map<String, Since> since = new HashMap<>();
        for (String check : checkIds) {
            Since start = null;
            boolean reached = false;
            for (Object[] run : completed) {
                reached = reached || run[0].equals(standing.runId());
                if (!reached) {
                    continue;
                }
                if (!failed.contains(run[0] + "\n" + check)) {
                    break;
                }
                start = new Since((Long) run[1], (OffsetDateTime) run[2]);
            }
            since.put(standing.runId() + "\n" + check, start == null
                    ? new Since(standing.auditId(), standing.finishedAt()) : start);
        }
        return since;
    }

    /** A time from a native query, whichever type the driver gives. */
    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Timestamp t) {
            return OffsetDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
        }
        if (value instanceof Instant t) {
            return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
        }
        if (value instanceof java.time.LocalDateTime t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime t) {
            return t.toOffsetDateTime();
        }
        throw new IllegalStateException("Not a time: " + value.getClass().getName());
    }
}
