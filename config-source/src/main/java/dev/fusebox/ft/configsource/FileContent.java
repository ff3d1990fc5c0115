package dev.fusebox.ft.configsource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What a file held when it was read: its bytes and a fingerprint (modification time, size and
 * SHA-256 of the content) that tells whether it changed since. Immutable.
 */
record FileContent(byte[] bytes, Fingerprint fingerprint) {

    /** Equal fingerprints mean the same content; the hash catches edits within the clock's resolution. */
    record Fingerprint(boolean exists, Instant modified, long size, String hash) {
        static final Fingerprint NEVER_READ = new Fingerprint(false, null, -2, "");
        static final Fingerprint MISSING = new Fingerprint(false, null, -1, "");
    }

    /** @throws java.nio.file.NoSuchFileException if there is no file */
    static FileContent read(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        byte[] bytes = Files.readAllBytes(path);
        return new FileContent(bytes, of(attributes.lastModifiedTime().toInstant(), bytes));
    }

    /** The fingerprint of {@code bytes} just written to {@code path}, or one that forces a re-read. */
    static Fingerprint written(Path path, byte[] bytes) {
        try {
            return of(Files.getLastModifiedTime(path).toInstant(), bytes);
        } catch (IOException e) {
            return Fingerprint.NEVER_READ; // the next check reads the file again; harmless
        }
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
