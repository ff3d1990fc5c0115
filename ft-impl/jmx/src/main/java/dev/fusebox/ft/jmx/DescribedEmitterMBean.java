package dev.fusebox.ft.jmx;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.NotificationEmitter;
import javax.management.StandardEmitterMBean;

/**
 * An MXBean that emits notifications (through {@code emitter}), registered with the names and
 * descriptions of its management-API interface ({@link DescribedInterface}) instead of the JDK's
 * defaults; {@link DescribedMBean} is the same for one that emits none (the JDK's two base classes
 * differ, so the six one-line overrides are written twice). Thread-safe: the texts are immutable,
 * the rest is StandardEmitterMBean's.
 */
final class DescribedEmitterMBean<T> extends StandardEmitterMBean {

    private final DescribedInterface texts;

    DescribedEmitterMBean(T implementation, Class<T> mxbean, NotificationEmitter emitter) {
        super(implementation, mxbean, true, emitter);
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
