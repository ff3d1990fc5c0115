package dev.fusebox.ft.configsource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What a file held when it was read: its bytes and a fingerprint (modification time, size and
 * SHA-256 of the content) that tells whether it changed since; or, for a file that is not read,
 * why ({@code refusal}: larger than {@value #MAX_BYTES} bytes, or not a regular file), with a
 * fingerprint of its attributes. Reading never allocates more than the limit. Immutable.
 */
record FileContent(byte[] bytes, Fingerprint fingerprint, String refusal) {

    /** The largest overrides file read: 1 MiB, hundreds of times what any real one holds. */
    static final int MAX_BYTES = 1024 * 1024;

    /** Equal fingerprints mean the same content; the hash catches edits within the clock's resolution. Immutable. */
    record Fingerprint(boolean exists, Instant modified, long size, String hash) {
        static final Fingerprint NEVER_READ = new Fingerprint(false, null, -2, "");
        static final Fingerprint MISSING = new Fingerprint(false, null, -1, "");
    }

    /** Whether the file was read ({@code bytes} holds it). */
    boolean wasRead() {
        return refusal == null;
    }

    /**
     * Reads {@code path} (following symbolic links), at most {@value #MAX_BYTES} bytes of it.
     *
     * @throws java.nio.file.NoSuchFileException if there is no file
     */
    static FileContent read(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        Instant modified = attributes.lastModifiedTime().toInstant();
        if (!attributes.isRegularFile()) {
            // a FIFO would block the reader, a directory cannot be read: neither is opened
            return new FileContent(null, new Fingerprint(true, modified, attributes.size(), "not a regular file"),
                    "the path is not a regular file");
        }
        if (attributes.size() > MAX_BYTES) {
            return tooLarge(modified, attributes.size());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1); // it may have grown since its size was read
        }
        if (bytes.length > MAX_BYTES) {
            return tooLarge(modified, Math.max(attributes.size(), bytes.length));
        }
        return new FileContent(bytes, of(modified, bytes), null);
    }

    /** The fingerprint {@code path} has now, or {@link Fingerprint#MISSING}; reads it as {@link #read} does. */
    static Fingerprint fingerprintNow(Path path) throws IOException {
        try {
            return read(path).fingerprint();
        } catch (java.nio.file.NoSuchFileException e) {
            return Fingerprint.MISSING;
        }
    }

    /** The fingerprint of {@code bytes} just written to {@code path}, or one that forces a re-read. */
    static Fingerprint written(Path path, byte[] bytes) {
        try {
            return of(Files.getLastModifiedTime(path).toInstant(), bytes);
        } catch (IOException e) {
            return Fingerprint.NEVER_READ; // the next check reads the file again; harmless
        }
    }

    private static FileContent tooLarge(Instant modified, long size) {
        return new FileContent(null, new Fingerprint(true, modified, size, "too large"),
                "the file is " + size + " bytes, more than the limit of " + MAX_BYTES + " bytes");
    }

    private static Fingerprint of(Instant modified, byte[] bytes) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new Fingerprint(true, modified, bytes.length, hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
