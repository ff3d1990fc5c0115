package dev.fusebox.ft.management;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one-line text a JMX client (jconsole's "Description" column, a script reading
 * {@code MBeanInfo}) shows for an MXBean interface, an attribute's getter, an operation or one of
 * its parameters. The implementation registers each MXBean so that its {@code MBeanInfo} carries
 * these texts, and each operation parameter under its Java name (the management API is compiled
 * with {@code -parameters}) instead of {@code p0, p1, ...}. Every MXBean interface of this package,
 * each of its methods and each of their parameters has one; a test reads them back through JMX.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface Description {

    /** One line, for an operator: what it is or does, not its name again. */
    String value();
}
