package dev.fusebox.ft.jmx.remote;

import java.util.List;
import java.util.Map;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.rmi.RMIConnectorServer;

/**
 * What the remote connector lets clients send it: the classes RMI may deserialize, set in the
 * connector's environment by {@link #applyTo}, and the class loader it reads them with.
 *
 * <ul>
 * <li>Before the login, the credentials: a {@code String[]} (user and password) and its
 * {@code String}s only ({@value #CREDENTIAL_TYPES_KEY}, as the JDK's own management agent sets it).
 * Anything else is rejected by the RMI layer before the authenticator sees it.</li>
 * <li>After the login, every call's arguments, including the contents of the
 * {@code MarshalledObject}s that carry parameters, attribute values, queries, notification filters
 * and handbacks ({@link RMIConnectorServer#SERIAL_FILTER_PATTERN}): the JMX open types (boxed
 * primitives, {@code String}, {@code BigDecimal}, {@code BigInteger}, {@code Date},
 * {@code ObjectName}, the {@code javax.management.openmbean} data and types, arrays of them), the
 * JDK's query expressions and notification filters, {@code Attribute}/{@code AttributeList}, and
 * the collections those hold. Every other class is rejected, and with it any delegation subject
 * (the class {@code Subject} is accepted because every call carries an array of them, empty or
 * null; a subject's principals are not),
 * as is a graph deeper than 20, with more than 10,000 references, an array longer than 100,000 or a
 * stream over 1 MiB.</li>
 * </ul>
 *
 * <p>Loading. Java's {@code ObjectInputStream} resolves a class (loads it, without initializing
 * it) before it asks the filter. So that not even that happens for a class of the application's,
 * the connector reads everything with the {@linkplain #LOADER platform class loader}, which sees
 * the JDK's classes only: the RMI objects are exported while it is the thread's context class
 * loader (RMI resolves arguments with the exported object's), it is the connector's default class
 * loader, and {@link ViewForwarder} answers it for every MBean. A client naming a class of the
 * application's gets a {@code ClassNotFoundException}, and the application's class is never
 * loaded ({@code SerialFilterTest} checks the server's class-loading log). Consequence: exposed
 * application MBeans take open-type parameters only, as MXBeans do. Stateless.
 */
final class AcceptedTypes {

    static final String CREDENTIAL_TYPES_KEY = "jmx.remote.rmi.server.credential.types";
    static final String[] CREDENTIAL_TYPES = {String[].class.getName(), String.class.getName()};

    private static final List<String> OPEN_TYPES = List.of("java.lang.Boolean", "java.lang.Byte",
            "java.lang.Character", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
            "java.lang.Double", "java.lang.Number", "java.lang.String", "java.lang.Void", "java.lang.Object",
            "java.math.BigDecimal",
            "java.math.BigInteger", "java.util.Date", "javax.management.ObjectName", "javax.management.openmbean.*");
    private static final List<String> QUERIES = List.of("javax.management.QueryEval",
            "javax.management.AndQueryExp", "javax.management.OrQueryExp", "javax.management.NotQueryExp",
            "javax.management.BetweenQueryExp", "javax.management.BinaryRelQueryExp", "javax.management.InQueryExp",
            "javax.management.MatchQueryExp", "javax.management.InstanceOfQueryExp",
            "javax.management.BooleanTestQueryExp", "javax.management.AttributeValueExp",
            "javax.management.ClassAttributeValueExp", "javax.management.QualifiedAttributeValueExp",
            "javax.management.StringValueExp", "javax.management.NumericValueExp",
            "javax.management.BooleanValueExp", "javax.management.BinaryOpValueExp");
    /** {@code Subject} itself: calls carry arrays of (null) delegation subjects; a real one fails on its fields. */
    private static final List<String> CALLS = List.of("java.rmi.MarshalledObject", "javax.security.auth.Subject",
            "javax.management.Attribute",
            "javax.management.AttributeList", "javax.management.NotificationFilterSupport",
            "javax.management.AttributeChangeNotificationFilter",
            "javax.management.relation.MBeanServerNotificationFilter", "java.util.ArrayList", "java.util.Vector",
            "java.util.HashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableCollection");
    private static final String LIMITS = "maxdepth=20;maxrefs=10000;maxarray=100000;maxbytes=1048576";

    /** The serial filter pattern of every call after the login. */
    static final String PATTERN = LIMITS + ";" + String.join(";", OPEN_TYPES) + ";" + String.join(";", QUERIES)
            + ";" + String.join(";", CALLS) + ";!*";

    private AcceptedTypes() {
    }

    /** The class loader everything a client sends is read with: the JDK's classes only. */
    static final ClassLoader LOADER = ClassLoader.getPlatformClassLoader();

    /** Puts both filters and the default class loader into a connector's environment. */
    static void applyTo(Map<String, Object> environment) {
        environment.put(CREDENTIAL_TYPES_KEY, CREDENTIAL_TYPES.clone());
        environment.put(RMIConnectorServer.SERIAL_FILTER_PATTERN, PATTERN);
        environment.put(JMXConnectorServerFactory.DEFAULT_CLASS_LOADER, LOADER);
    }
}
