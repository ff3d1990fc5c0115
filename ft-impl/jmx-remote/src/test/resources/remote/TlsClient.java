import java.util.HashMap;
import java.util.Map;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.rmi.ssl.SslRMIClientSocketFactory;

/**
 * A JMX client over TLS, run by RemoteConnectorTlsTest in a JVM of its own (java TlsClient.java)
 * so that its default SSL context, which the JDK creates once per JVM from the
 * javax.net.ssl.trustStore properties, is built from the trust store the test chose.
 * Arguments: service URL, user, password, ObjectName; prints the name's Level attribute.
 */
public class TlsClient {

    public static void main(String[] args) throws Exception {
        Map<String, Object> environment = new HashMap<>();
        environment.put(JMXConnector.CREDENTIALS, new String[] {args[1], args[2]});
        // the registry speaks TLS too: look it up over TLS
        environment.put("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory());
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(args[0]), environment)) {
            Object level = connector.getMBeanServerConnection().getAttribute(new ObjectName(args[3]), "Level");
            System.out.println("Level=" + level);
        }
    }
}
