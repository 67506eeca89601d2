import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.caart.agent.platform.RemediationHosts;
import org.caart.agent.remediation.CatalogEntries;
import org.caart.agent.remediation.Journal;
import org.caart.agent.remediation.Pause;
import org.caart.agent.remediation.RemediationSettings;
import org.caart.agent.remediation.Remediator;
import org.caart.contract.agent.v1.RemediationAction;
import org.caart.contract.agent.v1.RemediationItemOrder;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationItemState;
import org.caart.contract.agent.v1.RemediationOrderView;
import org.caart.contract.agent.v1.RemediationReportView;

/**
 * Benchmark (issue 14): 100 Linux fixes of five kinds on one fixture host (40 sysctl, 30 file mode and owner,
 * 10 configuration lines, 10 sshd settings, 10 package removals), applied and re-checked, then rolled back, through
 * the agent's real remediator, journal (fsync per entry) and checks; then, per fix kind, whether every file is back
 * byte for byte with its mode and owner and every created file and folder gone. Prints the figures.
 */
public final class RemediationBench {

    private static final Map<String, String> KIND_OF_PATH = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("caart-remediation-bench");
        Path root = Files.createDirectories(work.resolve("root"));
        Path config = Files.createDirectories(work.resolve("config"));
        boolean owners = "root".equals(System.getProperty("user.name"));
        Path policy = fixture(root, config, owners);
        Map<String, String> before = picture(root);
        Remediator remediator = new Remediator(new Journal(work.resolve("state")), RemediationHosts::forRoot,
                new RemediationSettings(true, false, Duration.ofSeconds(30), Duration.ZERO,
                        RemediationSettings.OnRestart.RESUME),
                timeout -> true, Clock.systemUTC(), Pause.real(), report -> { }, CatalogEntries.withLocal(config));
        List<RemediationItemOrder> items = new ArrayList<>();
        for (String check : checkIds(Files.readString(policy))) {
            items.add(new RemediationItemOrder(check, check, policy.toString()));
        }
        RemediationOrderView apply = new RemediationOrderView(UUID.randomUUID().toString(), RemediationAction.APPLY,
                null, items, List.of());

        long start = System.nanoTime();
        RemediationReportView applied = remediator.execute(apply, root.toString(), "bench");
        double applySeconds = (System.nanoTime() - start) / 1e9;
        long fixed = count(applied, RemediationItemState.FIXED);

        RemediationOrderView rollback = remediator.rollbackOrder(apply.orderId(), List.of()).orElseThrow();
        start = System.nanoTime();
        RemediationReportView rolledBack = remediator.execute(rollback, root.toString(), "bench");
        double rollbackSeconds = (System.nanoTime() - start) / 1e9;
        long restored = count(rolledBack, RemediationItemState.ROLLED_BACK);

        Map<String, String> after = picture(root);
        Map<String, Boolean> exact = new TreeMap<>();
        for (String path : union(before, after)) {
            String kind = kindOf(path);
            exact.merge(kind, java.util.Objects.equals(before.get(path), after.get(path)), Boolean::logicalAnd);
        }
        System.out.printf("remediation benchmark: %d fixes on one host (%s), journal fsync'd per entry%n", items.size(),
                owners ? "owners changed too" : "not root: modes only, owners unchanged");
        System.out.printf("apply + re-check:  %d of %d FIXED in %.2f s (target < 10 s)%n", fixed, items.size(),
                applySeconds);
        System.out.printf("rollback:          %d of %d ROLLED_BACK in %.2f s (target < 10 s)%n", restored,
                items.size(), rollbackSeconds);
        boolean others = exact.remove("(folders)") != Boolean.FALSE;
        exact.forEach((kind, same) -> System.out.printf("  %-16s %s%n", kind, same ? "restored exactly"
                : "DIFFERS after rollback"));
        System.out.println("  other folders    " + (others ? "unchanged" : "DIFFER after rollback"));
        long exactKinds = exact.values().stream().filter(b -> b).count();
        System.out.printf("%d of %d fix kinds in the test matrix restore exactly (bytes, mode, owner; created files"
                + " and folders removed)%n", exactKinds, exact.size());
        applied.items().stream().filter(i -> i.state() != RemediationItemState.FIXED).limit(5)
                .forEach(i -> System.out.println("  not fixed: " + i));
        boolean met = fixed == items.size() && restored == items.size() && applySeconds < 10 && rollbackSeconds < 10
                && exactKinds == exact.size() && others;
        System.out.println(met ? "targets: MET" : "targets: NOT MET");
        deleteTree(work);
        System.exit(met ? 0 : 1);
    }

    private static Path fixture(Path root, Path config, boolean owners) throws Exception {
        StringBuilder checks = new StringBuilder();
        StringBuilder entries = new StringBuilder("bench-100:\n");
        for (int i = 0; i < 40; i++) {
            write(root, "/proc/sys/bench/p" + i, "1\n", 0644, "SYSCTL");
            checks.append(check("sysctl-" + i, "{type: sysctl, key: bench.p" + i + ", value: 0}"));
        }
        KIND_OF_PATH.put("/etc/sysctl.d", "SYSCTL");
        for (int i = 0; i < 30; i++) {
            Path file = write(root, "/etc/bench/f" + i, "file " + i + "\n", 0666, "FILE_MODE");
            if (owners) {
                Files.setAttribute(file, "unix:uid", 1);
                Files.setAttribute(file, "unix:gid", 1);
            }
            checks.append(check("mode-" + i, "{type: file-mode, path: /etc/bench/f" + i + ", max-mode: '0644'"
                    + (owners ? ", owner: root, group: root" : "") + "}"));
        }
        write(root, "/etc/bench-app/app.conf", "# bench application\nKEY_0 1\nKEY_1 1\n# KEY_2 commented\nKEY_3 1\n"
                + "KEY_4 1\nOTHER yes\n", 0640, "CONFIG_LINE");
        KIND_OF_PATH.put("/etc/bench-app/new.conf", "CONFIG_LINE");
        for (int i = 0; i < 10; i++) {
            String file = i < 5 ? "/etc/bench-app/app.conf" : "/etc/bench-app/new.conf";
            checks.append(check("line-" + i, "{type: file-content, path: " + file + ", must-match: ['^KEY_" + i
                    + " 10$'], missing: fail}"));
            entries.append("  line-").append(i).append(": {path: ").append(file).append(", key: KEY_").append(i)
                    .append(", separator: ' ', value: '10'}\n");
        }
        String[][] sshd = {{"PermitRootLogin", "yes", "value: 'no'"}, {"X11Forwarding", "yes", "value: 'no'"},
            {"MaxAuthTries", "6", "op: le, value: 4"}, {"PermitEmptyPasswords", "yes", "value: 'no'"},
            {"IgnoreRhosts", "no", "value: 'yes'"}, {"HostbasedAuthentication", "yes", "value: 'no'"},
            {"PermitUserEnvironment", "yes", "value: 'no'"}, {"ClientAliveCountMax", "0", "op: gt, value: 0"},
            {"LoginGraceTime", "120", "op: le, value: 60"}, {"MaxSessions", "20", "op: le, value: 10"}};
        StringBuilder sshdConfig = new StringBuilder("# bench sshd\nPort 22\n");
        for (String[] setting : sshd) {
            sshdConfig.append(setting[0]).append(' ').append(setting[1]).append('\n');
            checks.append(check("sshd-" + setting[0], "{type: sshd-setting, keyword: " + setting[0] + ", "
                    + setting[2] + "}"));
        }
        write(root, "/etc/ssh/sshd_config", sshdConfig + "Match User backup\n    X11Forwarding yes\n", 0600,
                "SSHD_SETTING");
        StringBuilder status = new StringBuilder("Package: bash\nStatus: install ok installed\nVersion: 5.2\n");
        for (int i = 0; i < 10; i++) {
            status.append("\nPackage: legacy").append(i).append("\nStatus: install ok installed\nVersion: 1.").append(i)
                    .append('\n');
            checks.append(check("package-" + i, "{type: package-absent, package: legacy" + i + "}"));
        }
        write(root, "/var/lib/dpkg/status", status.toString(), 0644, "PACKAGE_REMOVAL");
        Files.writeString(config.resolve(CatalogEntries.LOCAL_FILE), entries);
        return Files.writeString(root.getParent().resolve("bench-100.yml"), "caart-policy: 1\nid: bench-100\n"
                + "name: Remediation benchmark\nos: linux\nchecks:\n" + checks);
    }

    private static String check(String id, String check) {
        return "  - {id: " + id + ", title: " + id + ", severity: low, check: " + check + "}\n";
    }

    private static Path write(Path root, String hostPath, String content, int mode, String kind) throws Exception {
        Path file = root.resolve(hostPath.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setAttribute(file, "unix:mode", mode);
        KIND_OF_PATH.put(hostPath, kind);
        return file;
    }

    private static List<String> checkIds(String policy) {
        return policy.lines().filter(l -> l.startsWith("  - {id: ")).map(l -> l.substring(9, l.indexOf(','))).toList();
    }

    private static String kindOf(String path) {
        return KIND_OF_PATH.entrySet().stream().filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey()
                + "/"))
                .map(Map.Entry::getValue).findFirst().orElse("(folders)");
    }

    private static long count(RemediationReportView report, RemediationItemState state) {
        return report.items().stream().map(RemediationItemReport::state).filter(state::equals).count();
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }

    private static Map<String, String> picture(Path root) throws Exception {
        Map<String, String> picture = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                picture.put("/" + root.relativize(path), (directory ? "d " : "f ")
                        + Integer.toOctalString((Integer) Files.getAttribute(path, "unix:mode") & 07777) + " "
                        + Files.getAttribute(path, "unix:uid") + ":" + Files.getAttribute(path, "unix:gid") + " "
                        + (directory ? "" : HexFormat.of().formatHex(Files.readAllBytes(path))));
            }
        }
        return picture;
    }

    private static void deleteTree(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
