package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a generic JMX client (jconsole, a script) sees: every attribute of every MBean reads as open
 * data, with no Fusebox class anywhere in the values.
 */
@ExtendWith(ThreadHygiene.class)
class OpenTypesTest {

    private static final Set<Class<?>> SIMPLE = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class,
            Date.class, ObjectName.class);

    @Test
    void everyAttributeOfEveryMBeanIsOpenData() throws Exception {
        try (Container container = Container.start(Map.of("fusebox.management.application", "open-types"),
                Shop.Payments.class, Shop.Inventory.class)) {
            MBeans.proxy(MBeans.name(container, ManagementNames.CIRCUIT_BREAKER, Shop.Payments.class, "charge"),
                    CircuitBreakerMXBean.class).forceOpen("so that forcing and transitions have values", "PT5M");
            container.bean(Shop.Payments.class).quote(true);
            MBeanServerConnection connection = MBeans.SERVER;

            Set<ObjectName> names = connection.queryNames(new ObjectName("dev.fusebox.ft:application=open-types,*"),
                    null);
            assertThat(names).hasSize(8);
            int read = 0;
            for (ObjectName name : names) {
                MBeanInfo info = connection.getMBeanInfo(name);
                List<String> attributes = new ArrayList<>();
                for (MBeanAttributeInfo attribute : info.getAttributes()) {
                    attributes.add(attribute.getName());
                    assertThat(attribute.getDescriptor().getFieldValue("openType")).as(name + " " + attribute.getName())
                            .isInstanceOf(OpenType.class);
                }
                for (MBeanOperationInfo operation : info.getOperations()) {
                    assertThat(operation.getDescriptor().getFieldValue("openType")).as(name + " " + operation.getName())
                            .isInstanceOf(OpenType.class);
                }
                AttributeList values = connection.getAttributes(name, attributes.toArray(String[]::new));
                assertThat(values.asList()).as("every attribute of " + name + " is readable").hasSize(attributes.size());
                for (Attribute value : values.asList()) {
                    assertOpen(name + "." + value.getName(), value.getValue());
                    read++;
                }
            }
            // 4 breakers x 22, 1 bulkhead x 10 (Shadow and WouldReject on both), 1 retry x 6, 1 timeout x 4,
            // the registry x 6
            assertThat(read).isEqualTo(4 * 22 + 10 + 6 + 4 + 6);
        }
    }

    private static void assertOpen(String where, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof CompositeData composite) {
            for (String key : composite.getCompositeType().keySet()) {
                assertOpen(where + "." + key, composite.get(key));
            }
        } else if (value instanceof TabularData table) {
            for (Object row : table.values()) {
                assertOpen(where + "[]", row);
            }
        } else if (value.getClass().isArray()) {
            if (value.getClass().getComponentType().isPrimitive()) {
                return;
            }
            for (Object element : (Object[]) value) {
                assertOpen(where + "[]", element);
            }
        } else {
            assertThat(SIMPLE).as(where + " is " + value.getClass().getName()).contains(value.getClass());
        }
        assertThat(value.getClass().getName()).as(where).doesNotStartWith("dev.fusebox");
    }
}
