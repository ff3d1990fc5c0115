package dev.fusebox.ft.jmx.remote;

/**
 * The role {@link PasswordAuthenticator} granted a logged-in user, kept as a private credential
 * of their {@link javax.security.auth.Subject}. Private credentials never travel: a
 * {@code Subject} serializes its principals only, so a client-supplied (delegation) subject
 * cannot carry a grant, and the grant object's class is not public. Immutable.
 */
record RoleGrant(String user, Role role) {
}
