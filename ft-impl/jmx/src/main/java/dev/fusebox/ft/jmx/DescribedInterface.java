package dev.fusebox.ft.jmx;

import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.Description;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanOperationInfo;

/**
 * What a JMX client shows for one MXBean interface of the management API, read once from its
 * {@link Description} annotations and Java parameter names: the MBean's description, each
 * attribute's and operation's, each operation parameter's name and description, and each
 * operation's impact ({@code ACTION} for those that return {@link ActionResult}s, which all change
 * something; {@code UNKNOWN} otherwise). Built when an MBean is registered, it refuses an interface
 * with an undescribed member, an overloaded operation or parameter names compiled away, naming
 * the member, so a gap shows at start-up rather than as {@code p0} in jconsole.
 * Immutable; thread-safe.
 */
final class DescribedInterface {

    private static final ClassValue<DescribedInterface> READ = new ClassValue<>() {
        @Override
        protected DescribedInterface computeValue(Class<?> mxbean) {
            return new DescribedInterface(mxbean);
        }
    };

    private final String description;
    private final Map<String, String> attributes = new HashMap<>();
    private final Map<String, Method> operations = new HashMap<>();

    private DescribedInterface(Class<?> mxbean) {
        description = required(mxbean.getAnnotation(Description.class), mxbean.getName());
        for (Method method : mxbean.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String where = mxbean.getName() + "." + method.getName();
            String text = required(method.getAnnotation(Description.class), where);
            String attribute = attributeName(method);
            if (attribute != null) {
                attributes.put(attribute, text);
                continue;
            }
            if (operations.put(method.getName(), method) != null) {
                throw new IllegalStateException(where + " is overloaded: JMX clients could not tell which "
                        + "description is whose");
            }
            for (Parameter parameter : method.getParameters()) {
                if (!parameter.isNamePresent()) {
                    throw new IllegalStateException(where + " was compiled without -parameters: JMX clients "
                            + "would see its parameters as p0, p1, ...");
                }
                required(parameter.getAnnotation(Description.class), where + " parameter " + parameter.getName());
            }
        }
    }

    /** The texts of {@code mxbean}, read on first use. */
    static DescribedInterface of(Class<?> mxbean) {
        return READ.get(mxbean);
    }

    String mbean() {
        return description;
    }

    String attribute(String name) {
        String text = attributes.get(name);
        if (text == null) {
            throw new IllegalStateException("no getter describes attribute " + name);
        }
        return text;
    }

    String operation(MBeanOperationInfo operation) {
        return method(operation).getAnnotation(Description.class).value();
    }

    String parameterName(MBeanOperationInfo operation, int sequence) {
        return method(operation).getParameters()[sequence].getName();
    }

    String parameter(MBeanOperationInfo operation, int sequence) {
        return method(operation).getParameters()[sequence].getAnnotation(Description.class).value();
    }

    int impact(MBeanOperationInfo operation) {
        Type returned = method(operation).getGenericReturnType();
        boolean action = returned == ActionResult.class
                || returned instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == ActionResult.class;
        return action ? MBeanOperationInfo.ACTION : MBeanOperationInfo.UNKNOWN;
    }

    private Method method(MBeanOperationInfo operation) {
        Method method = operations.get(operation.getName());
        if (method == null || method.getParameterCount() != operation.getSignature().length) {
            throw new IllegalStateException("no method of the interface matches operation " + operation.getName());
        }
        return method;
    }

    /** The attribute a getter ({@code getX()}, {@code isX()} for a boolean) stands for; null for an operation. */
    private static String attributeName(Method method) {
        String name = method.getName();
        if (method.getParameterCount() != 0 || method.getReturnType() == void.class) {
            return null;
        }
        if (name.startsWith("get") && name.length() > 3) {
            return name.substring(3);
        }
        if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
            return name.substring(2);
        }
        return null;
    }

    private static String required(Description description, String where) {
        if (description == null || description.value().isBlank()) {
            throw new IllegalStateException(where + " has no @" + Description.class.getSimpleName()
                    + ": every MXBean interface, attribute, operation and parameter needs one line for JMX clients");
        }
        return description.value();
    }
}
