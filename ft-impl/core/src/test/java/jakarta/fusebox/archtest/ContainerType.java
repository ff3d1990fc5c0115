package jakarta.fusebox.archtest;

/** A test-only type in the {@code jakarta} namespace, for proving the layer rule bites. */
public final class ContainerType {
}
