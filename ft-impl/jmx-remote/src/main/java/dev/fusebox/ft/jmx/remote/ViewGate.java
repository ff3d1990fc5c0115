package dev.fusebox.ft.jmx.remote;

import dev.fusebox.ft.jmx.remote.RemoteView.Access;
import dev.fusebox.ft.management.ManagementNames;
import javax.management.ObjectName;

/**
 * The decisions of {@link ViewForwarder}: which names a call may touch, which role it needs, and
 * the record of each refusal (logged at WARNING and written to the {@link RemoteAudit} with the
 * login and the client's address) and of each change let through to an exposed application MBean.
 *
 * <table>
 * <caption>What each kind of name allows</caption>
 * <tr><th>name</th><th>read, query, listen</th><th>invoke, set attributes</th></tr>
 * <tr><td>Fusebox's (FUSEBOX)</td><td>everyone</td><td>operator (Fusebox audits)</td></tr>
 * <tr><td>exposed by the application (APPLICATION)</td><td>everyone</td><td>operator, audited here</td></tr>
 * <tr><td>exposed JDK MBean (READ_ONLY)</td><td>everyone</td><td>nobody</td></tr>
 * <tr><td>the view's delegate (DELEGATE)</td><td>listen only</td><td>nobody</td></tr>
 * <tr><td>unregistered, in a served namespace (ABSENT)</td><td colspan="2">passed on: not found</td></tr>
 * <tr><td>anything else (OUTSIDE)</td><td>nobody</td><td>nobody</td></tr>
 * </table>
 * Creating, registering and unregistering MBeans, instantiating classes, deserializing and
 * MBean-to-MBean listeners are refused for everyone. What the client named (ObjectNames,
 * operations, attributes, values) is written on one line with control characters escaped and cut
 * after {@value #MAX_TEXT} characters. Thread-safe (stateless beyond its parts).
 */
final class ViewGate {

    private static final System.Logger LOG = System.getLogger(ViewForwarder.class.getName());
    static final String SERVED = "this connector serves only Fusebox's MBeans (" + ManagementNames.DOMAIN
            + ") and those the application lists in " + RemoteSettings.EXPOSE;

    /** How much of a client's text a log line or audit entry keeps. */
    static final int MAX_TEXT = 500;

    private final RemoteView view;
    private final RemoteAudit audit;

    ViewGate(RemoteView view, RemoteAudit audit) {
        this.view = view;
        this.audit = audit;
    }

    RemoteView view() {
        return view;
    }

    /** A read of {@code name}: refused for the delegate and for names outside the view. */
    void read(String action, ObjectName name, String what) {
        Access access = view.access(name);
        if (access == Access.OUTSIDE || access == Access.DELEGATE) {
            throw refuse(action, name, action + " of " + what + " on " + name + " is refused: " + SERVED);
        }
    }

    /** Listening to {@code name} (an object listener, or a client's subscription): the delegate too. */
    void listen(String action, ObjectName name) {
        if (view.access(name) == Access.OUTSIDE) {
            throw refuse(action, name, action + " on " + name + " is refused: " + SERVED);
        }
    }

    /**
     * A change ({@code invoke}, {@code setAttribute(s)}) of {@code what} on {@code name}: needs an
     * operator and a name that is not read-only.
     *
     * @return the kind of name, for the caller to audit an application MBean's change
     */
    Access change(String action, ObjectName name, String what) {
        Access access = view.access(name);
        String asked = action + " of " + what + " on " + name;
        if (access == Access.OUTSIDE || access == Access.DELEGATE) {
            throw refuse(action, name, asked + " is refused: " + SERVED);
        }
        if (access == Access.READ_ONLY) {
            throw refuse(action, name, asked + " is refused: " + name + " is exposed read-only");
        }
        RemoteCaller caller = RemoteCaller.current();
        if (!caller.operator()) {
            throw refuse(caller, action, String.valueOf(name), caller.describe() + "; " + asked + " needs role operator");
        }
        return access;
    }

    /** Something no remote user may do. */
    SecurityException refuseAlways(String action, String target, String why) {
        return refuse(RemoteCaller.current(), action, target, action + " of " + target
                + " is refused for every remote user: " + why);
    }

    /** Audits a change let through to an exposed application MBean, done or failed. */
    void changed(String action, ObjectName name, String what, boolean done, String outcome) {
        RemoteCaller caller = RemoteCaller.current();
        audit.record(caller.user(), action, PasswordAuthenticator.printable(String.valueOf(name), MAX_TEXT), done,
                PasswordAuthenticator.printable(what + (outcome.isEmpty() ? "" : ": " + outcome), MAX_TEXT)
                        + " (from " + caller.source() + ")");
    }

    private SecurityException refuse(String action, ObjectName name, String message) {
        return refuse(RemoteCaller.current(), action, String.valueOf(name), message);
    }

    private SecurityException refuse(RemoteCaller caller, String action, String target, String asked) {
        // names, operations and attributes are the client's words: one line, bounded
        String message = PasswordAuthenticator.printable(asked, MAX_TEXT);
        target = PasswordAuthenticator.printable(target, MAX_TEXT);
        LOG.log(System.Logger.Level.WARNING, "remote JMX call refused for " + caller.user() + " from "
                + caller.source() + ": " + message);
        audit.record(caller.user(), action, target, false, message + " (from " + caller.source() + ")");
        return new SecurityException(message);
    }
}
