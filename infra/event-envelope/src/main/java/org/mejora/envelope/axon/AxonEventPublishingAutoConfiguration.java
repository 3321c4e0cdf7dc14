package org.mejora.envelope.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.chain.AggregateHistory;
import org.mejora.envelope.chain.CheckpointSigner;
import org.mejora.envelope.chain.Checkpointer;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * A producing service that sets {@code mejora.events.topic} keeps its Axon events in PostgreSQL (tables of
 * {@link AxonStore#MIGRATIONS}) and forwards them to that topic from the pooled streaming processor
 * {@value #PROCESSOR}, whose token lives in the same database.
 * <p>
 * Axon's own JdbcAutoConfiguration and TransactionAutoConfiguration are ordered after Boot 3's DataSource and
 * transaction auto-configurations and back off under Boot 4 (Axon then runs without transactions: a command's events
 * and the view rows its handlers write would commit apart, each on its own pooled connection). So the JDBC event
 * storage engine, the token store and the Spring transaction manager are defined here.
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = {"org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration"})
@ConditionalOnClass({EventProcessingConfigurer.class, KafkaTemplate.class})
@ConditionalOnProperty("mejora.events.topic")
public class AxonEventPublishingAutoConfiguration {

    public static final String PROCESSOR = "kafka-publisher";
    /** The bean name that the producers' application.yml gives as the source of {@value #PROCESSOR}. */
    public static final String SOURCE = "committedEvents";

    /**
     * Axon's own default mapper, except that dates are written as ISO-8601 text, as on the wire (EnvelopeCodec): the
     * stored payload of a new event is then the JSON its Kafka record carries, and the verifier can compare the two.
     * Both forms are read back alike, so events stored before (dates as arrays) stay readable.
     */
    @Bean("defaultAxonObjectMapper")
    @ConditionalOnMissingBean(ObjectMapper.class)
    ObjectMapper defaultAxonObjectMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.findAndRegisterModules();
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return mapper;
    }

    /** One Spring transaction, on one connection, for a command's events and the views its handlers update. */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          CommitSignals commitSignals) {
        EventStorageEngine events = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new UniqueViolationResolver())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(AxonStore.eventSchema())
                .build();
        return new SignallingEventStorageEngine(
                new ChainingEventStorageEngine(events, eventSerializer, connectionProvider, transactionManager),
                commitSignals);
    }

    @Bean
    CommitSignals commitSignals(DataSource dataSource) {
        return new CommitSignals(dataSource);
    }

    /**
     * The source of processor {@value #PROCESSOR} ({@code axon.eventhandling.processors.kafka-publisher.source}):
     * woken by each commit, on this instance or another one.
     */
    @Bean(SOURCE)
    SignalledEventSource committedEvents(EventStorageEngine eventStorageEngine, CommitSignals commitSignals,
                                         @Value("${mejora.events.forwarder.read-batch:100}") int readBatch,
                                         @Value("${mejora.events.forwarder.fallback-read:PT1S}") Duration fallback) {
        return new SignalledEventSource(eventStorageEngine, commitSignals, readBatch, fallback);
    }

    /** Static, like the post-processor that needs it: nothing else of this configuration is made that early. */
    @Bean
    static ServiceInstance serviceInstance(Environment environment) {
        return new ServiceInstance(environment.getProperty("spring.application.name", "mejora"));
    }

    /** Each connection names its instance, so that every instance can count the others ({@link FairSegmentShare}). */
    @Bean
    static BeanPostProcessor instanceNamedConnections(ObjectProvider<ServiceInstance> instance) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    pool.addDataSourceProperty("ApplicationName", instance.getObject().id());
                }
                return bean;
            }
        };
    }

    /** Claims owned by this instance's id: two instances in one JVM (the tests) must not pass for one owner. */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer defaultSerializer,
                          ServiceInstance instance) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(defaultSerializer)
                .schema(AxonStore.tokenSchema())
                .nodeId(instance.id())
                .build();
    }

    @Bean
    FairSegmentShare fairSegmentShare(DataSource dataSource, ServiceInstance instance, TokenStore tokenStore,
                                      @Value("${mejora.events.forwarder.share-refresh:PT2S}") Duration refresh) {
        return new FairSegmentShare(dataSource, instance, tokenStore, refresh);
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return AxonStore.actorCorrelation();
    }

    /** Axon registers it only when no other provider exists; it gives each event its causation and trace ids. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    KafkaEventForwarder kafkaEventForwarder(KafkaTemplate<String, byte[]> kafka,
                                            @Value("${mejora.events.topic}") String topic,
                                            @Value("${mejora.events.ack-timeout-seconds:30}") long ackTimeout,
                                            ConnectionProvider connectionProvider) {
        return new KafkaEventForwarder(kafka, topic, new EnvelopeCodec(), ackTimeout, connectionProvider);
    }

    @Bean
    CommandSender commandSender(CommandGateway commands) {
        return new CommandSender(commands);
    }

    /**
     * Signed checkpoints of the hash chain, when the service has a signing key ({@code mejora.history.signing-key},
     * a PKCS#8 PEM file; never a default). Without one the chain is still written, and the verifier still checks it.
     */
    @Bean
    @ConditionalOnExpression("'${mejora.history.signing-key:}' != ''")
    HistoryCheckpoints historyCheckpoints(DataSource dataSource, KafkaTemplate<String, byte[]> kafka,
                                          @Value("${mejora.history.signing-key}") String key,
                                          @Value("${mejora.history.checkpoint-topic}") String topic,
                                          @Value("${mejora.history.producer:${spring.application.name}}") String producer,
                                          @Value("${mejora.history.checkpoint-interval:PT60S}") Duration interval,
                                          @Value("${mejora.history.checkpoint-max-heads:2000}") int maxHeads) {
        return new HistoryCheckpoints(dataSource, new Checkpointer(producer, CheckpointSigner.fromPem(key), maxHeads),
                kafka, topic, producer, interval, Clock.systemUTC());
    }

    @Bean
    HistoryAudit historyAudit(DataSource dataSource) {
        return new HistoryAudit(new AggregateHistory(dataSource));
    }

    @Autowired
    void assignForwarder(EventProcessingConfigurer processing, ObjectProvider<FairSegmentShare> share) {
        processing.assignHandlerTypesMatching(PROCESSOR, KafkaEventForwarder.class::isAssignableFrom);
        // Two instances split the segments instead of the first one holding them all.
        processing.registerPooledStreamingEventProcessorConfiguration(PROCESSOR,
                (configuration, builder) -> builder.maxSegmentProvider(share.getObject()));
        // Axon's default for a handler that throws is to log and go on: a send refused at once (the broker is down,
        // its metadata cannot be fetched) would then move the token past an event that never reached Kafka. Failing
        // the batch instead leaves the token where it was, and the processor retries the same events.
        processing.registerListenerInvocationErrorHandler(PROCESSOR, configuration -> PropagatingErrorHandler.instance());
    }
}
