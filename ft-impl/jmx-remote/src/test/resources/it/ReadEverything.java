import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What jconsole does, with nothing but the JDK on the class path: connects with a user and a
 * password, reads every attribute of every MBean in the dev.fusebox.ft domain, and fails (exit 1)
 * on any value that is not an open type. Run as a single-file program in its own JVM by
 * RemoteAccessTest: java ReadEverything.java <url> <user> <password>.
 */
public class ReadEverything {

    public static void main(String[] args) throws Exception {
        Map<String, Object> environment = new HashMap<>();
        environment.put(JMXConnector.CREDENTIALS, new String[] {args[1], args[2]});
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(args[0]), environment)) {
            MBeanServerConnection connection = connector.getMBeanServerConnection();
            Set<ObjectName> names = connection.queryNames(new ObjectName("dev.fusebox.ft:*"), null);
            int attributes = 0;
            List<String> problems = new ArrayList<>();
            for (ObjectName name : names) {
                String[] wanted = Arrays.stream(connection.getMBeanInfo(name).getAttributes())
                        .map(MBeanAttributeInfo::getName).toArray(String[]::new);
                List<Attribute> read = connection.getAttributes(name, wanted).asList();
                if (read.size() != wanted.length) {
                    problems.add(name + ": read " + read.size() + " of " + wanted.length + " attributes");
                }
                for (Attribute attribute : read) {
                    attributes++;
                    String problem = check(attribute.getValue());
                    if (problem != null) {
                        problems.add(name + " " + attribute.getName() + ": " + problem);
                    }
                }
            }
            System.out.println("read " + attributes + " attributes of " + names.size() + " MBeans");
            if (!problems.isEmpty() || names.isEmpty()) {
                System.out.println("PROBLEMS " + problems);
                System.exit(1);
            }
        }
    }

    private static String check(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof ObjectName) {
            return null;
        }
        if (value instanceof CompositeData composite) {
            for (Object item : composite.values()) {
                String problem = check(item);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value instanceof TabularData table) {
            for (Object row : table.values()) {
                String problem = check(row);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value.getClass().isArray()) {
            if (value.getClass().getComponentType().isPrimitive()) {
                return null;
            }
            for (Object item : (Object[]) value) {
                String problem = check(item);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return "not an open type: " + value.getClass().getName();
    }
}
