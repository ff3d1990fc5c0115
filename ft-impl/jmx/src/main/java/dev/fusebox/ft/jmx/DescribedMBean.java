package dev.fusebox.ft.jmx;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.StandardMBean;

/**
 * An MXBean that emits no notifications, registered with the names and descriptions of its
 * management-API interface ({@link DescribedInterface}) instead of the JDK's defaults (parameters
 * {@code p0, p1, ...}, descriptions equal to names). {@link DescribedEmitterMBean} is the same for
 * one that emits notifications. Thread-safe: the texts are immutable, the rest is StandardMBean's.
 */
final class DescribedMBean<T> extends StandardMBean {

    private final DescribedInterface texts;

    DescribedMBean(T implementation, Class<T> mxbean) {
        super(implementation, mxbean, true);
        texts = DescribedInterface.of(mxbean);
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        return texts.mbean();
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        return texts.attribute(info.getName());
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        return texts.operation(info);
    }

    @Override
    protected String getParameterName(MBeanOperationInfo operation, MBeanParameterInfo parameter, int sequence) {
        return texts.parameterName(operation, sequence);
    }

    @Override
    protected String getDescription(MBeanOperationInfo operation, MBeanParameterInfo parameter, int sequence) {
        return texts.parameter(operation, sequence);
    }

    @Override
    protected int getImpact(MBeanOperationInfo info) {
        return texts.impact(info);
    }
}
