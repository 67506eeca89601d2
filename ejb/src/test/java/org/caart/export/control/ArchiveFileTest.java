package org.caart.export.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.caart.platform.archive.ArchiveIn;
import org.caart.platform.archive.ArchiveOut;
import org.caart.platform.archive.ArchiveRefused;
import org.caart.platform.archive.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives as the export writes them are read back; damaged and hostile ones are refused before any row is read. */
class ArchiveFileTest {

    private static final long LIMIT = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void aWrittenArchiveIsVerifiedAndReadBackRowByRow() throws IOException {
        Path file = write(manifest -> manifest, zip -> { });
        try (ArchiveFile archive = ArchiveFile.verify(file, LIMIT)) {
            assertEquals(Manifest.FORMAT, archive.manifest().format());
            assertEquals(2, archive.manifest().files().size());
            ArchiveIn in = new ArchiveIn(archive::open);
            in.startPart("audit");
            List<Row> rows = new ArrayList<>();
            assertEquals(3, in.forEach("audit", rows::add));
            assertEquals(2L, rows.get(1).number("id"));
            assertEquals("Nightly \"run\" 2 ✓", rows.get(1).text("title"));
            assertEquals(OffsetDateTime.parse("2026-01-02T03:04:05Z"), rows.get(1).time("created_at"));
            assertEquals(Boolean.TRUE, rows.get(1).flag("stopped"));
            assertNull(rows.get(1).text("not_in_this_archive"));
            assertEquals(0, in.forEach("nothing", rows::add), "an absent file imports nothing");
            ArchiveRefused wrong = assertThrows(ArchiveRefused.class, () -> in.forEach("audit",
                    row -> row.time("title")));
            assertTrue(wrong.getMessage().contains("audit/audit.jsonl line 1: title is not a time"), wrong.getMessage());
        }
    }

    @Test
    void aChangedFileIsRefusedByItsHash() throws IOException {
        Path file = write(manifest -> new Manifest(manifest.format(), manifest.schema(), manifest.companyId(),
                manifest.companyName(), manifest.exportedAt(), manifest.parts(), manifest.files().stream()
                        .map(f -> new ArchiveOut.FileEntry(f.path(), "0".repeat(64), f.bytes(), f.rows())).toList()),
                zip -> { });
        assertRefused(file, "does not match its SHA-256");
    }

    @Test
    void aNewerFormatIsRefused() throws IOException {
        Path file = write(manifest -> new Manifest(Manifest.FORMAT + 1, manifest.schema(), manifest.companyId(),
                manifest.companyName(), manifest.exportedAt(), manifest.parts(), manifest.files()), zip -> { });
        assertRefused(file, "made by a newer CAaRT (format " + (Manifest.FORMAT + 1) + ")");
    }

    @Test
    void anEntryOutsideTheManifestIsRefusedZipSlipIncluded() throws IOException {
        Path file = write(manifest -> manifest, zip -> add(zip, "../../etc/cron.d/evil", "* * * * * root sh"));
        assertRefused(file, "an entry its manifest does not list: ../../etc/cron.d/evil");
        Path listed = write(manifest -> {
            List<ArchiveOut.FileEntry> files = new ArrayList<>(manifest.files());
            files.add(new ArchiveOut.FileEntry("../evil.jsonl", "0".repeat(64), 1, 1));
            return new Manifest(manifest.format(), manifest.schema(), manifest.companyId(), manifest.companyName(),
                    manifest.exportedAt(), manifest.parts(), files);
        }, zip -> add(zip, "../evil.jsonl", "{}"));
        assertRefused(listed, "cannot be in an archive: ../evil.jsonl");
    }

    @Test
    void aZipBombStopsAtTheSizeItsManifestDeclares() throws IOException {
        byte[] zeros = new byte[64 * 1024 * 1024];
        Path file = write(manifest -> {
            List<ArchiveOut.FileEntry> files = new ArrayList<>(manifest.files());
            files.add(new ArchiveOut.FileEntry("audit/bomb.jsonl", "0".repeat(64), 1000, 1));
            return new Manifest(manifest.format(), manifest.schema(), manifest.companyId(), manifest.companyName(),
                    manifest.exportedAt(), manifest.parts(), files);
        }, zip -> add(zip, "audit/bomb.jsonl", zeros));
        assertRefused(file, "audit/bomb.jsonl unpacks to more than the 1000 bytes its manifest declares");

        Path ratio = write(manifest -> {
            List<ArchiveOut.FileEntry> files = new ArrayList<>(manifest.files());
            files.add(new ArchiveOut.FileEntry("audit/bomb.jsonl", "0".repeat(64), zeros.length, 1));
            return new Manifest(manifest.format(), manifest.schema(), manifest.companyId(), manifest.companyName(),
                    manifest.exportedAt(), manifest.parts(), files);
        }, zip -> add(zip, "audit/bomb.jsonl", zeros));
        assertRefused(ratio, "refused as a zip bomb");

        Path total = write(manifest -> manifest, zip -> { });
        ArchiveRefused refused = assertThrows(ArchiveRefused.class, () -> ArchiveFile.verify(total, 10));
        assertTrue(refused.getMessage().contains("this instance imports at most 10"), refused.getMessage());
    }

    @Test
    void somethingElseIsNotAnArchive() throws IOException {
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "hello");
        assertRefused(text, "not a CAaRT company archive (not a zip file)");
        Path bare = dir.resolve("bare.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bare))) {
            add(zip, "audit/audit.jsonl", "{}\n");
        }
        assertRefused(bare, "it has no manifest.json");
    }

    private void assertRefused(Path file, String expected) {
        ArchiveRefused refused = assertThrows(ArchiveRefused.class, () -> ArchiveFile.verify(file, LIMIT));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    /** An archive as the export writes it (two files), its manifest changed by {@code edit}, extra entries added. */
    private Path write(java.util.function.UnaryOperator<Manifest> edit, ZipWork extra) throws IOException {
        Path file = Files.createTempFile(dir, "archive", ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            ArchiveOut archive = new ArchiveOut(zip, null);
            archive.startPart("company");
            archive.rows("company", List.of(row("id", 7L, "name", "Clinic")));
            archive.startPart("audit");
            List<Map<String, Object>> audits = new ArrayList<>();
            for (long id = 1; id <= 3; id++) {
                audits.add(row("id", id, "title", "Nightly \"run\" " + id + " ✓", "created_at",
                        OffsetDateTime.parse("2026-01-0" + id + "T03:04:05Z"), "stopped", id == 2));
            }
            archive.rows("audit", audits);
            extra.accept(zip);
            Manifest manifest = edit.apply(new Manifest(Manifest.FORMAT, "15", 7, "Clinic", "2026-01-05T00:00:00Z",
                    List.of("company", "audit"), archive.files()));
            add(zip, Manifest.ENTRY, new String(manifest.toJson(), StandardCharsets.UTF_8));
        }
        return file;
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private static void add(ZipOutputStream zip, String name, String text) throws IOException {
        add(zip, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void add(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** A copy of the archive with one file's text changed and the manifest's hash and size made to fit it. */
    static Path rewrite(Path file, Path dir, String path, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        Path copy = Files.createTempFile(dir, "edited", ".zip");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            Manifest manifest = Manifest.read(zip.getInputStream(zip.getEntry(Manifest.ENTRY)).readAllBytes());
            byte[] changed = edit.apply(new String(zip.getInputStream(zip.getEntry(path)).readAllBytes(),
                    StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            List<ArchiveOut.FileEntry> files = new ArrayList<>();
            for (ArchiveOut.FileEntry f : manifest.files()) {
                files.add(f.path().equals(path) ? new ArchiveOut.FileEntry(path, java.util.HexFormat.of().formatHex(
                        ArchiveOut.sha256().digest(changed)), changed.length, f.rows()) : f);
                add(out, f.path(), f.path().equals(path) ? changed
                        : zip.getInputStream(zip.getEntry(f.path())).readAllBytes());
            }
            add(out, Manifest.ENTRY, new Manifest(manifest.format(), manifest.schema(), manifest.companyId(),
                    manifest.companyName(), manifest.exportedAt(), manifest.parts(), files).toJson());
        }
        return copy;
    }

    @FunctionalInterface
    interface ZipWork {
        void accept(ZipOutputStream zip) throws IOException;
    }

}
