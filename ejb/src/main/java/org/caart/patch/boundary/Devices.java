package org.caart.patch.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Company;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.endpoint.boundary.AgentReported;
import org.caart.endpoint.boundary.EndpointEnrolled;
import org.caart.endpoint.entity.Endpoint;
import org.caart.patch.control.DeviceCsv;
import org.caart.patch.control.DeviceStatus;
import org.caart.patch.entity.Criticality;
import org.caart.patch.entity.Device;
import org.caart.patch.entity.DeviceType;
import org.caart.patch.entity.PatchRecord;
import org.caart.patch.entity.PatchSource;
import org.caart.patch.entity.PatchStatus;
import org.caart.platform.ConflictException;
import org.caart.platform.InvalidInputException;
import org.caart.platform.NotFoundException;
import org.caart.platform.TrailRecorder;

/**
 * A company's devices and their patch dates: typed in, imported from CSV, set through an API key, or reported by
 * the device's agent. Every change re-evaluates the device with the daily check's rule.
 */
@Stateless
public class Devices {

    private static final System.Logger LOG = System.getLogger(Devices.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    TrailRecorder trail;

    @Inject
    Clock clock;

    @Inject
    DeviceStatus status;

    /** The board: every device of the company, most urgent first. */
    public List<Device> list(long companyId) {
        Membership member = access.require(companyId, Permission.VIEW);
        LocalDate today = status.catchUp(member.getCompany());
        return em.createQuery("SELECT d FROM Device d WHERE d.company.id = :company ORDER BY "
                        + "CASE d.status WHEN org.caart.patch.entity.PatchStatus.OVERDUE THEN 0 "
                        + "WHEN org.caart.patch.entity.PatchStatus.DUE_SOON THEN 1 "
                        + "WHEN org.caart.patch.entity.PatchStatus.UNKNOWN THEN 2 ELSE 3 END, d.expiry, d.nameKey",
                        Device.class)
                .setParameter("company", companyId)
                .getResultList().stream().map(d -> d.asOf(today)).toList();
    }

    /** How the board is filtered; null fields do not filter. {@code text} is sought in name, responsible, source. */
    public record BoardFilter(PatchStatus status, DeviceType type, String text) {

        String where() {
            return (status == null ? "" : " AND d.status = :status") + (type == null ? "" : " AND d.type = :type")
                    + (blank() ? "" : " AND (LOWER(d.name) LIKE :text ESCAPE '\\' "
                            + "OR LOWER(COALESCE(d.responsible, '')) LIKE :text ESCAPE '\\' "
                            + "OR LOWER(COALESCE(d.patchDetail, '')) LIKE :text ESCAPE '\\' "
                            + "OR LOWER(COALESCE(d.osBuild, '')) LIKE :text ESCAPE '\\'"
                            + (sources().isEmpty() ? "" : " OR d.patchSource IN :sources") + ")");
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            if (status != null) {
                query.setParameter("status", status);
            }
            if (type != null) {
                query.setParameter("type", type);
            }
            if (!blank()) {
                query.setParameter("text", "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_") + "%");
                if (!sources().isEmpty()) {
                    query.setParameter("sources", sources());
                }
            }
            return query;
        }

        private boolean blank() {
            return text == null || text.isBlank();
        }

        private List<PatchSource> sources() {
            String wanted = text.strip().toUpperCase(Locale.ROOT);
            return java.util.Arrays.stream(PatchSource.values()).filter(s -> s.name().contains(wanted)).toList();
        }
    }

    /** A page of the board, the number of devices the filter lets through, and all devices per status. */
    public record Board(List<Device> devices, long count, Map<PatchStatus, Long> byStatus) {

        public long total() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum();
        }

        public long of(PatchStatus status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }

    /** Columns the board sorts by, and how; anything else sorts most urgent first. */
    private static final Map<String, String> SORTS = Map.of("name", "d.nameKey", "type", "d.type",
            "criticality", "d.criticality", "lastPatchDate", "d.lastPatchDate", "expiry", "d.expiry",
            "daysLeft", "d.expiry", "source", "d.patchSource", "responsible", "d.responsible");
    private static final String URGENCY = "CASE d.status WHEN org.caart.patch.entity.PatchStatus.OVERDUE THEN 0 "
            + "WHEN org.caart.patch.entity.PatchStatus.DUE_SOON THEN 1 "
            + "WHEN org.caart.patch.entity.PatchStatus.UNKNOWN THEN 2 ELSE 3 END";

    /**
     * The board a page at a time: the devices the filter lets through, sorted by {@code sort} (a column name, else most
     * urgent first), from {@code first}, at most {@code max}; their count and the company's devices per status.
     */
    public Board board(long companyId, BoardFilter filter, String sort, boolean ascending, int first, int max) {
        Membership member = access.require(companyId, Permission.VIEW);
        LocalDate today = status.catchUp(member.getCompany());
        String order = sort != null && SORTS.containsKey(sort) ? SORTS.get(sort) + (ascending ? " ASC" : " DESC") + ", d.nameKey"
                : sort != null && sort.equals("status") ? URGENCY + (ascending ? " ASC" : " DESC") + ", d.nameKey"
                : URGENCY + ", d.expiry, d.nameKey";
        List<Device> devices = filter.bind(em.createQuery("SELECT d FROM Device d WHERE d.company.id = :company"
                        + filter.where() + " ORDER BY " + order, Device.class))
                .setParameter("company", companyId).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, 500))).getResultList().stream()
                .map(d -> d.asOf(today)).toList();
        long count = filter.bind(em.createQuery("SELECT COUNT(d) FROM Device d WHERE d.company.id = :company"
                        + filter.where(), Long.class)).setParameter("company", companyId).getSingleResult();
        Map<PatchStatus, Long> byStatus = new java.util.EnumMap<>(PatchStatus.class);
        em.createQuery("SELECT d.status, COUNT(d) FROM Device d WHERE d.company.id = :company GROUP BY d.status",
                        Object[].class)
                .setParameter("company", companyId).getResultList()
                .forEach(r -> byStatus.put((PatchStatus) r[0], (Long) r[1]));
        return new Board(devices, count, byStatus);
    }

    public Device get(long companyId, long deviceId) {
        Membership member = access.require(companyId, Permission.VIEW);
        LocalDate today = status.catchUp(member.getCompany());
        Device device = find(companyId, deviceId);
        em.refresh(device);
        return device.asOf(today);
    }

    /** The device of an enrolled endpoint of the company, with its status as of today; none for another company's. */
    public Optional<Device> ofEndpoint(long companyId, long endpointId) {
        Membership member = access.require(companyId, Permission.VIEW);
        LocalDate today = status.catchUp(member.getCompany());
        return em.createQuery("SELECT d FROM Device d WHERE d.endpointId = :endpoint AND d.company.id = :company",
                        Device.class)
                .setParameter("endpoint", endpointId).setParameter("company", companyId)
                .getResultStream().findFirst().map(d -> d.asOf(today));
    }

    /** The device's patch dates as they were recorded, newest first. */
    public List<PatchRecord> history(long companyId, long deviceId) {
        access.require(companyId, Permission.VIEW);
        find(companyId, deviceId);
        return em.createQuery("SELECT r FROM PatchRecord r WHERE r.deviceId = :device "
                        + "ORDER BY r.recordedAt DESC, r.id DESC", PatchRecord.class)
                .setParameter("device", deviceId)
                .setMaxResults(500)
                .getResultList();
    }

    public Device create(long companyId, DeviceRequest request, String sourceAddress) {
        Membership member = access.require(companyId, Permission.MANAGE_COMPANY);
        Company company = member.getCompany();
        Valid valid = validate(company, request, null);
        OffsetDateTime now = now();
        Device device = new Device(company, valid.name(), valid.type(), valid.criticality(), valid.responsible(),
                null, now);
        em.persist(device);
        em.flush();
        record(device, valid.lastPatchDate(), PatchSource.MANUAL, null, member.getUser().getEmail(), now);
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "device.create",
                device.getName(), describe(device), sourceAddress);
        return refreshed(company, device);
    }

    public Device update(long companyId, long deviceId, DeviceRequest request, String sourceAddress) {
        Membership member = access.require(companyId, Permission.MANAGE_COMPANY);
        Company company = member.getCompany();
        Device device = find(companyId, deviceId);
        Valid valid = validate(company, request, device);
        OffsetDateTime now = now();
        device.describe(valid.name(), valid.type(), valid.criticality(), valid.responsible(), now);
        if (!device.isAgentBacked()) {
            record(device, valid.lastPatchDate(), PatchSource.MANUAL, null, member.getUser().getEmail(), now);
        }
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "device.update",
                device.getName(), describe(device), sourceAddress);
        return refreshed(company, device);
    }

    /** Removes a device without an agent (an agent's device goes with its endpoint's revocation, not here). */
    public void delete(long companyId, long deviceId, String sourceAddress) {
        Membership member = access.require(companyId, Permission.MANAGE_COMPANY);
        Device device = find(companyId, deviceId);
        if (device.isAgentBacked()) {
            throw new ConflictException("This device belongs to an enrolled endpoint; revoke the endpoint instead");
        }
        em.createQuery("DELETE FROM PatchRecord r WHERE r.deviceId = :device").setParameter("device", deviceId)
                .executeUpdate();
        em.remove(device);
        trail.record(companyId, member.getUser().getId(), member.getUser().getEmail(), "device.delete",
                device.getName(), null, sourceAddress);
    }

    /**
     * Imports devices from CSV: each good row creates the device or updates the one of that name (empty fields leave
     * an existing device's values as they are), each bad row is reported with its line and reason and writes
     * nothing. Rows naming an agent's device may not set its date.
     */
    public ImportReport importCsv(long companyId, String csv, String sourceAddress) {
        Membership member = access.require(companyId, Permission.MANAGE_COMPANY);
        Company company = member.getCompany();
        if (csv == null || csv.isBlank()) {
            throw new InvalidInputException("file", "Choose a CSV file with a header line and one device per line");
        }
        DeviceCsv.Parsed parsed = DeviceCsv.parse(csv, status.today(company));
        List<DeviceCsv.Problem> problems = new ArrayList<>(parsed.problems());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        OffsetDateTime now = now();
        String actor = member.getUser().getEmail();
        for (DeviceCsv.Row row : parsed.rows()) {
            Optional<Device> existing = byName(companyId, row.name());
            if (existing.isPresent() && existing.get().isAgentBacked() && row.lastPatchDate() != null
                    && !row.lastPatchDate().equals(existing.get().getLastPatchDate())) {
                problems.add(new DeviceCsv.Problem(row.line(), "\"" + row.name()
                        + "\" is an enrolled endpoint; its agent reports its patch date"));
                continue;
            }
            Device device = existing.orElse(null);
            boolean changed;
            if (device == null) {
                device = new Device(company, row.name(), row.type() == null ? DeviceType.OTHER : row.type(),
                        row.criticality() == null ? Criticality.MEDIUM : row.criticality(), row.responsible(), null,
                        now);
                em.persist(device);
                em.flush();
                created++;
                changed = true;
            } else {
                // what the row leaves empty stays as it is
                DeviceType type = row.type() == null ? device.getType() : row.type();
                Criticality criticality = row.criticality() == null ? device.getCriticality() : row.criticality();
                String responsible = row.responsible() == null ? device.getResponsible() : row.responsible();
                changed = !device.describedAs(row.name(), type, criticality, responsible);
                if (changed) {
                    device.describe(row.name(), type, criticality, responsible, now);
                }
            }
            if (!device.isAgentBacked() && row.lastPatchDate() != null
                    && !row.lastPatchDate().equals(device.getLastPatchDate())) {
                record(device, row.lastPatchDate(), PatchSource.CSV, null, actor, now);
                changed = true;
            }
            if (existing.isPresent()) {
                if (changed) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
        }
        problems.sort(java.util.Comparator.comparingInt(DeviceCsv.Problem::line));
        if (created + updated > 0) {
            status.refreshAll(company);
        }
        trail.record(companyId, member.getUser().getId(), actor, "device.import", created + " created, " + updated
                + " updated, " + unchanged + " unchanged", problems.size() + " row(s) refused", sourceAddress);
        return new ImportReport(created, updated, unchanged,
                problems.stream().map(p -> new RefusedLine(p.line(), p.reason())).toList());
    }

    /** What an import did: the rows it wrote, those that matched a device already as it was, each refused line. */
    public record ImportReport(int created, int updated, int unchanged, List<RefusedLine> problems) {
    }

    public record RefusedLine(int line, String reason) {
    }

    /**
     * Sets a device's patch date for an API key's company: the only thing such a key may do. The device is found
     * by its name; agents' devices are refused (their agent reports the date).
     */
    public Device setPatchDate(long companyId, String keyName, String deviceName, String date, String sourceAddress) {
        Company company = em.find(Company.class, companyId);
        Device device = byName(companyId, deviceName == null ? "" : deviceName)
                .orElseThrow(() -> new NotFoundException("Device"));
        if (device.isAgentBacked()) {
            throw new ConflictException("This device is an enrolled endpoint; its agent reports its patch date");
        }
        LocalDate patched = patchDate(company, date, "lastPatchDate", new LinkedHashMap<>(), true);
        OffsetDateTime now = now();
        record(device, patched, PatchSource.API, keyName, "api key " + keyName, now);
        trail.record(companyId, null, "api key " + keyName, "device.patch-date", device.getName(),
                String.valueOf(patched), sourceAddress);
        return refreshed(company, device);
    }

    /** An endpoint was enrolled: it gets its device, named after the host (plus its id when the name is taken). */
    public void enrolled(@Observes EndpointEnrolled event) {
        enrolled(event.endpoint());
    }

    private Device enrolled(Endpoint endpoint) {
        Company company = endpoint.getCompany();
        OffsetDateTime now = now();
        String name = endpoint.getHostname();
        if (byName(company.getId(), name).isPresent()) {
            name = name + " #" + endpoint.getId();
        }
        DeviceType type = endpoint.getOsFamily().name().equals("WINDOWS")
                && (endpoint.getOs() == null || !endpoint.getOs().toLowerCase(java.util.Locale.ROOT).contains("server"))
                ? DeviceType.WORKSTATION : DeviceType.SERVER;
        Device device = new Device(company, name, type, Criticality.MEDIUM, null, endpoint.getId(), now);
        em.persist(device);
        em.flush();
        agentReported(endpoint, device);
        return device;
    }

    /** The endpoint's agent reported (heartbeat): its device takes the last patch date and OS build. */
    public void agentReported(@Observes AgentReported event) {
        Endpoint endpoint = event.endpoint();
        em.createQuery("SELECT d FROM Device d WHERE d.endpointId = :endpoint", Device.class)
                .setParameter("endpoint", endpoint.getId())
                .getResultStream().findFirst()
                .ifPresentOrElse(device -> agentReported(endpoint, device), () -> enrolled(endpoint));
    }

    private void agentReported(Endpoint endpoint, Device device) {
        device.build(endpoint.getOsBuild());
        if (endpoint.getLastPatchDate() != null
                && record(device, endpoint.getLastPatchDate(), PatchSource.AGENT, endpoint.getPatchSource(),
                        "agent " + endpoint.getAgentId(), now())) {
            em.flush();
            status.refresh(endpoint.getCompany(), device.getId());
        }
    }

    /** Sets the date; a new date goes to the history. Answers whether it changed. */
    private boolean record(Device device, LocalDate date, PatchSource source, String detail, String by,
            OffsetDateTime now) {
        boolean changed = device.patched(date, source, detail, now);
        if (changed && date != null) {
            em.persist(new PatchRecord(device.getId(), date, source, detail, by, now));
            if (source != PatchSource.AGENT) {
                LOG.log(Level.DEBUG, "Device {0}: patch date {1} from {2}", device.getId(), date, source);
            }
        }
        return changed;
    }

    private Device refreshed(Company company, Device device) {
        em.flush();
        status.refresh(company, device.getId());
        em.refresh(device);
        return device.asOf(status.today(company));
    }

    private record Valid(String name, DeviceType type, Criticality criticality, String responsible,
            LocalDate lastPatchDate) {
    }

    private Valid validate(Company company, DeviceRequest request, Device current) {
        if (request == null) {
            throw new InvalidInputException("name", "Describe the device");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > Device.NAME_MAX) {
            errors.put("name", "A device name has 1 to " + Device.NAME_MAX + " characters");
        } else {
            byName(company.getId(), name).filter(other -> current == null || !other.getId().equals(current.getId()))
                    .ifPresent(other -> errors.put("name", "The company already has a device named " + name));
        }
        DeviceType type = parse(DeviceType.class, request.type(), current == null ? null : current.getType());
        if (type == null) {
            errors.put("type", "Choose the device type");
        }
        Criticality criticality = parse(Criticality.class, request.criticality(),
                current == null ? Criticality.MEDIUM : current.getCriticality());
        if (criticality == null) {
            errors.put("criticality", "Choose the criticality");
        }
        String responsible = request.responsible() == null ? null : request.responsible().strip();
        if (responsible != null && responsible.length() > Device.RESPONSIBLE_MAX) {
            errors.put("responsible", "At most " + Device.RESPONSIBLE_MAX + " characters");
        }
        LocalDate date = patchDate(company, request.lastPatchDate(), "lastPatchDate", errors, false);
        if (current != null && current.isAgentBacked() && date != null
                && !date.equals(current.getLastPatchDate())) {
            errors.put("lastPatchDate", "This device's agent reports its patch date");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(name, type, criticality, responsible == null || responsible.isEmpty() ? null : responsible,
                date);
    }

    private LocalDate patchDate(Company company, String text, String field, Map<String, String> errors,
            boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "Give the last patch date, an ISO date such as 2026-11-02");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.isAfter(status.today(company))) {
                fail(errors, field, "A patch date cannot lie in the future", required);
                return null;
            }
            if (date.isBefore(Device.EARLIEST_PATCH_DATE)) {
                fail(errors, field, "A patch date before 1990 is not plausible", required);
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            fail(errors, field, "A patch date is an ISO date such as 2026-11-02", required);
            return null;
        }
    }

    private static void fail(Map<String, String> errors, String field, String message, boolean now) {
        if (now) {
            throw new InvalidInputException(field, message);
        }
        errors.put(field, message);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return DeviceCsv.parseEnum(type, text);
    }

    private Optional<Device> byName(long companyId, String name) {
        return em.createQuery("SELECT d FROM Device d WHERE d.company.id = :company AND d.nameKey = :key",
                        Device.class)
                .setParameter("company", companyId).setParameter("key", Device.key(name))
                .getResultStream().findFirst();
    }

    private Device find(long companyId, long deviceId) {
        return em.createQuery("SELECT d FROM Device d WHERE d.id = :id AND d.company.id = :company", Device.class)
                .setParameter("id", deviceId).setParameter("company", companyId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Device"));
    }

    private static String describe(Device device) {
        return device.getType() + ", " + device.getCriticality() + ", last patched "
                + (device.getLastPatchDate() == null ? "unknown" : device.getLastPatchDate());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
