package dev.fusebox.ft.configsource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file's content so that a reader sees either the old or the new content, never a mix,
 * and the new content survives a crash once {@link #write} returns. A symbolic link is followed:
 * the temporary file is written beside the file the link finally points to and renamed over that
 * file, so the link stays a link to an updated target. Before the rename a precondition is checked
 * (the store's: the file has not changed since it was read), so a write decided on stale content
 * is abandoned rather than done. Stateless; thread-safe as long as callers do not write the same
 * target concurrently (the store serializes its writes).
 */
final class AtomicFileWriter {

    /** Checked just before the rename, on the writing thread; false abandons the write. */
    @FunctionalInterface
    interface Precondition {
        boolean holds() throws IOException;
    }

    private static final System.Logger LOG = System.getLogger(AtomicFileWriter.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** As Linux's limit on symbolic links followed in one lookup. */
    private static final int MAX_LINKS = 40;

    private AtomicFileWriter() {
    }

    /**
     * Writes a temporary file next to the file {@code target} names (after following symbolic
     * links), forces it to disk, checks {@code precondition}, renames it over that file
     * atomically, then forces the directory entry where the platform allows it. On POSIX file
     * systems the result is readable and writable by its owner only.
     *
     * @return false when the precondition did not hold (nothing was changed)
     */
    static boolean write(Path target, byte[] content, Precondition precondition) throws IOException {
        Path file = followLinks(target);
        Path directory = file.getParent();
        Files.createDirectories(directory);
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (!precondition.holds()) {
                Files.delete(temporary);
                return false;
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        forceDirectory(directory);
        return true;
    }

    /**
     * The file {@code path} finally names: each symbolic link is replaced by its target (a relative
     * target being relative to the link's directory), whether or not that target exists yet.
     */
    static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int followed = 0; Files.isSymbolicLink(current); followed++) {
            if (followed == MAX_LINKS) {
                throw new FileSystemException(path.toString(), null, "more than " + MAX_LINKS
                        + " symbolic links to follow");
            }
            current = current.resolveSibling(Files.readSymbolicLink(current));
        }
        return current;
    }

    /**
     * Copies the file {@code target} names (a regular file only: a pipe or a directory is not
     * copied) to {@code <target><suffix>} beside it, so an update does not lose text it replaces.
     *
     * @return the copy, or null when there was nothing to copy
     */
    static Path keepCopy(Path target, String suffix) throws IOException {
        Path copy = target.resolveSibling(target.getFileName() + suffix);
        if (!Files.isRegularFile(target)) {
            return null;
        }
        try {
            Files.copy(target, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        return copy;
    }

    /** Makes the rename durable. Some platforms (Windows) cannot open a directory; the rename is atomic there anyway. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot fsync directory " + directory + " on this platform: " + e);
        }
    }
}
