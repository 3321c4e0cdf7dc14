package org.mejora.web.clock;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * With {@code mejora.clock.adjustable=true} (MEJORA_CLOCK_ADJUSTABLE, set only by tests and the local demo) the
 * service's one {@code Clock} bean is wrapped in an {@link AdjustableClock} (same bean, same zone: nothing else reads
 * a second clock) and {@code /actuator/clock} moves it. Without the property neither exists.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "mejora.clock.adjustable", havingValue = "true")
public class AdjustableClockAutoConfiguration {

    /** Static: a post-processor is created before the other beans, and must not pull this configuration early. */
    @Bean
    static BeanPostProcessor adjustableClockWrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
                return bean instanceof Clock clock && !(bean instanceof AdjustableClock)
                        ? new AdjustableClock(clock) : bean;
            }
        };
    }

    /** Nested: its types name actuator's, which a service without actuator does not have. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class Endpoints {

        @Bean
        ClockEndpoint clockEndpoint(ObjectProvider<Clock> clocks) {
            if (!(clocks.getObject() instanceof AdjustableClock adjustable)) {
                throw new IllegalStateException("mejora.clock.adjustable=true needs exactly one Clock bean");
            }
            return new ClockEndpoint(adjustable);
        }
    }
}
