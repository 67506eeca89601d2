package org.caart.export.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.caart.platform.archive.ArchiveOut;
import org.caart.platform.archive.ArchiveRefused;

/**
 * A received archive, checked before anything is written: a zip whose entries are the manifest and the files it
 * lists (names of the form {@code part/file.jsonl}, so no entry can point outside, "zip slip"), no more than
 * {@link #MAX_ENTRIES}, none inflating past the size the manifest declares or past {@code maxBytes} in all (a zip
 * bomb stops at the first byte over), each file's SHA-256 the manifest's, a format this instance reads.
 */
public final class ArchiveFile implements AutoCloseable {

    static final int MAX_ENTRIES = 500;
    static final int MAX_MANIFEST = 1 << 20;
    /** Deflate does about 1:10 to 1:30 on JSON lines; a zip bomb does far better. */
    static final long MAX_RATIO = 200;

    private final ZipFile zip;
    private final Manifest manifest;
    private final Map<String, ArchiveOut.FileEntry> files = new HashMap<>();

    private ArchiveFile(ZipFile zip, Manifest manifest) {
        this.zip = zip;
        this.manifest = manifest;
        manifest.files().forEach(f -> files.put(f.path(), f));
    }

    /** Opens and verifies the archive; refuses it (and closes it) at the first problem. */
    public static ArchiveFile verify(Path path, long maxBytes) {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new ArchiveRefused("This is not a CAaRT company archive (not a zip file)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ArchiveFile archive = new ArchiveFile(zip, manifest(zip));
            archive.checkEntries(maxBytes);
            return archive;
        } catch (RuntimeException e) {
            closeQuietly(zip, e);
            throw e;
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    /** A listed file's bytes (capped at its declared size), or null when the archive has no such file. */
    public InputStream open(String path) {
        ArchiveOut.FileEntry file = files.get(path);
        if (file == null) {
            return null;
        }
        try {
            return new Capped(zip.getInputStream(zip.getEntry(path)), file.bytes(), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Manifest manifest(ZipFile zip) {
        ZipEntry entry = zip.getEntry(Manifest.ENTRY);
        if (entry == null) {
            throw new ArchiveRefused("This is not a CAaRT company archive: it has no " + Manifest.ENTRY);
        }
        Manifest manifest;
        try (InputStream in = new Capped(zip.getInputStream(entry), MAX_MANIFEST, Manifest.ENTRY)) {
            manifest = Manifest.read(in.readAllBytes());
        } catch (ArchiveRefused e) {
            throw e;
        } catch (IOException e) {
            throw new ArchiveRefused("The archive's " + Manifest.ENTRY + " cannot be read: " + e.getMessage());
        }
        if (manifest.format() > Manifest.FORMAT) {
            throw new ArchiveRefused("This archive was made by a newer CAaRT (format " + manifest.format()
                    + "); this instance reads format " + Manifest.FORMAT + " and older: upgrade it first");
        }
        if (manifest.format() < 1 || manifest.files() == null || manifest.files().isEmpty()) {
            throw new ArchiveRefused("The archive's " + Manifest.ENTRY + " lists no files");
        }
        return manifest;
    }

    private void checkEntries(long maxBytes) {
        long declared = 0;
        for (ArchiveOut.FileEntry file : manifest.files()) {
            if (file.path() == null || !ArchiveOut.FILE.matcher(file.path()).matches() || file.sha256() == null
                    || file.bytes() < 0) {
                throw new ArchiveRefused("The manifest lists a file that cannot be in an archive: " + file.path());
            }
            declared += file.bytes();
        }
        if (files.size() != manifest.files().size()) {
            throw new ArchiveRefused("The manifest lists a file twice");
        }
        if (declared > maxBytes) {
            throw new ArchiveRefused("The archive holds " + declared + " bytes once unpacked; this instance imports "
                    + "at most " + maxBytes + " (caart.export.import-max-bytes)");
        }
        int count = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (++count > MAX_ENTRIES) {
                throw new ArchiveRefused("The archive has more than " + MAX_ENTRIES + " entries");
            }
            String name = entry.getName();
            if (!name.equals(Manifest.ENTRY) && !files.containsKey(name)) {
                throw new ArchiveRefused("The archive holds an entry its manifest does not list: " + printable(name));
            }
        }
        for (ArchiveOut.FileEntry file : manifest.files()) {
            ZipEntry entry = zip.getEntry(file.path());
            if (entry == null) {
                throw new ArchiveRefused("The archive lacks " + file.path() + ", which its manifest lists");
            }
            check(entry, file);
        }
    }

    private void check(ZipEntry entry, ArchiveOut.FileEntry file) {
        MessageDigest sha = ArchiveOut.sha256();
        long read = 0;
        try (InputStream in = new Capped(zip.getInputStream(entry), file.bytes(), file.path())) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                read += n;
                long compressed = Math.max(entry.getCompressedSize(), 1);
                if (read > 1_000_000 && read / compressed > MAX_RATIO) {
                    throw new ArchiveRefused(file.path() + " unpacks to over " + MAX_RATIO + " times its packed "
                            + "size: refused as a zip bomb");
                }
            }
        } catch (ArchiveRefused e) {
            throw e;
        } catch (IOException e) {
            throw new ArchiveRefused(file.path() + " cannot be unpacked: " + e.getMessage());
        }
        if (read != file.bytes() || !HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(file.sha256())) {
            throw new ArchiveRefused(file.path() + " does not match its SHA-256 in the manifest: the archive is "
                    + "damaged or was changed");
        }
    }

    private static String printable(String name) {
        String clean = name.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(ZipFile zip, RuntimeException cause) {
        try {
            zip.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Stops at the first byte past {@code max}: a file never inflates past what its manifest declares. */
    private static final class Capped extends FilterInputStream {

        private final long max;
        private final String path;
        private long count;

        Capped(InputStream in, long max, String path) {
            super(in);
            this.max = max;
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, max - count + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > max) {
                throw new ArchiveRefused(path + " unpacks to more than the " + max + " bytes its manifest declares: "
                        + "refused (a damaged archive or a zip bomb)");
            }
        }
    }
}
