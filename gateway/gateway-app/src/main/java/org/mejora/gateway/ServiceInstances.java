package org.mejora.gateway;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instances of each service the routes balance between ({@code lb://plans} ...): the comma-separated URLs of
 * {@code mejora.services.instances.<service>} (e.g. {@code MEJORA_PLAN_URLS=http://localhost:8081,http://localhost:8091}),
 * listed in configuration rather than discovered, so that a local run, compose and a Kubernetes Service (one URL)
 * all work the same way. A request to an instance that is down is retried on the next one (see application.yml).
 */
@Configuration(proxyBeanMethods = false)
class ServiceInstances {

    static final List<String> SERVICES = List.of("plans", "evaluations", "reports", "web");

    @Bean
    static BeanPostProcessor listedServiceInstances(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SimpleReactiveDiscoveryProperties simple) {
                    simple.setInstances(instances(environment));
                    // Names each listed instance after its service, as binding from properties would have.
                    simple.afterPropertiesSet();
                }
                return bean;
            }
        };
    }

    static Map<String, List<InstanceProperties>> instances(Environment environment) {
        Map<String, List<InstanceProperties>> instances = new LinkedHashMap<>();
        for (String service : SERVICES) {
            String urls = environment.getRequiredProperty("mejora.services.instances." + service);
            List<InstanceProperties> listed = new ArrayList<>();
            Arrays.stream(urls.split(",")).map(String::trim).filter(url -> !url.isEmpty()).forEach(url -> {
                InstanceProperties instance = new InstanceProperties();
                instance.setUri(URI.create(url));
                instance.setInstanceId(service + "-" + listed.size());
                listed.add(instance);
            });
            if (listed.isEmpty()) {
                throw new IllegalStateException("mejora.services.instances." + service + " lists no URL");
            }
            instances.put(service, listed);
        }
        return instances;
    }
}
