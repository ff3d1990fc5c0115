package dev.fusebox.ft.jmx.remote;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The checks a file of secrets (the credentials file) must pass before it is read: whoever can
 * change the file, or the folder it is in, chooses who may log in. Refused, each with the reason
 * and the fix in the message: a symbolic link (whoever can change the link chooses the file);
 * anything but a regular file; a file that does not belong to the user the JVM runs as; a file
 * that group or others may read or write ({@code chmod 600}); a folder that group or others may
 * write (they could replace the file), or that belongs to neither the JVM's user nor root. On a
 * file system without POSIX permissions only the first two are checked. Stateless.
 */
final class PrivateFile {

    private static final Set<PosixFilePermission> OWNER =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final Set<PosixFilePermission> SHARED_WRITE =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final long ROOT = 0;

    private PrivateFile() {
    }

    /**
     * @param where how messages name the file, e.g. "credentials file /etc/app/jmx-users (key)"
     * @throws NoSuchFileException when it does not exist
     * @throws IllegalStateException naming the problem and the fix
     */
    static void check(Path file, String where) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new IllegalStateException(where + " is a symbolic link (to " + Files.readSymbolicLink(file)
                    + "); refused, because whoever can change the link chooses the file: name the file itself");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException(where + " is not a regular file");
        }
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return; // not POSIX: ownership and permissions are the operator's responsibility (see the docs)
        }
        PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long me = processUid();
        long owner = uid(file);
        if (owner != me) {
            throw new IllegalStateException(where + " belongs to " + attributes.owner().getName() + " (uid " + owner
                    + "), not to the user this JVM runs as (" + System.getProperty("user.name") + ", uid " + me
                    + "): its owner could change who may log in; chown it to the JVM's user");
        }
        Set<PosixFilePermission> shared = EnumSet.complementOf(EnumSet.copyOf(OWNER));
        shared.retainAll(attributes.permissions());
        if (!shared.isEmpty()) {
            throw new IllegalStateException(where + " is accessible by group or others ("
                    + PosixFilePermissions.toString(attributes.permissions()) + "); make it owner-only: chmod 600 "
                    + file);
        }
        Path folder = file.toAbsolutePath().getParent().toRealPath();
        PosixFileAttributes folderAttributes = Files.readAttributes(folder, PosixFileAttributes.class);
        Set<PosixFilePermission> writable = EnumSet.copyOf(SHARED_WRITE);
        writable.retainAll(folderAttributes.permissions());
        if (!writable.isEmpty()) {
            throw new IllegalStateException(where + " is in the folder " + folder + ", which group or others may write ("
                    + PosixFilePermissions.toString(folderAttributes.permissions()) + "): they could replace the file;"
                    + " chmod go-w " + folder + " or keep the file in a folder only its owner writes");
        }
        long folderOwner = uid(folder);
        if (folderOwner != me && folderOwner != ROOT) {
            throw new IllegalStateException(where + " is in the folder " + folder + ", which belongs to "
                    + folderAttributes.owner().getName() + " (uid " + folderOwner + "), neither the JVM's user nor root:"
                    + " its owner could replace the file; keep it in a folder of the JVM's user or of root");
        }
    }

    /** The numeric owner of {@code path}, not following a link. */
    static long uid(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    }

    /** The user id this JVM runs as. */
    static long processUid() {
        return new UnixSystem().getUid();
    }
}
