package org.mejora.envelope.axon;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the forwarder's event streams that events were committed, so it reads them at once instead of polling.
 * <p>
 * A commit on this node wakes the streams of this node right after the transaction commits (never before: a stream
 * woken early would read nothing and go back to sleep). Other instances of the service, which may own the segment
 * an event belongs to, hear of it through PostgreSQL's {@code NOTIFY} on channel {@value #CHANNEL}, sent after the
 * commit in a transaction of its own, so the command's commit takes no notification lock. A signal lost in a crash
 * or a dropped listener connection delays forwarding until the streams' fallback read, it never skips an event:
 * the streams read by token from the store, the signal only says when.
 */
public class CommitSignals implements SmartLifecycle {

    public static final String CHANNEL = "mejora_events_committed";

    private static final Logger log = LoggerFactory.getLogger(CommitSignals.class);
    private static final int LISTEN_TIMEOUT_MILLIS = 1_000;
    private static final long RETRY_MILLIS = 2_000;

    private final DataSource dataSource;
    private final String instance = UUID.randomUUID().toString();
    private final Set<Runnable> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean notifyPending = new AtomicBoolean();
    private final Object notifyMonitor = new Object();
    private volatile boolean running;
    private Thread listener;
    private Thread notifier;

    public CommitSignals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return what removes the subscription */
    public Runnable subscribe(Runnable stream) {
        streams.add(stream);
        return () -> streams.remove(stream);
    }

    /** Events were appended in the current transaction (if any): signal once it has committed. */
    public void appended() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed();
                }
            });
        } else {
            committed();
        }
    }

    void committed() {
        wakeStreams();
        if (running) {
            notifyPending.set(true);
            synchronized (notifyMonitor) {
                notifyMonitor.notifyAll();
            }
        }
    }

    private void wakeStreams() {
        for (Runnable stream : streams) {
            try {
                stream.run();
            } catch (RuntimeException e) {
                log.warn("an event stream failed to take a commit signal", e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "mejora-commit-listener");
        listener.setDaemon(true);
        listener.start();
        notifier = new Thread(this::sendNotifications, "mejora-commit-notifier");
        notifier.setDaemon(true);
        notifier.start();
    }

    @Override
    public void stop() {
        running = false;
        synchronized (notifyMonitor) {
            notifyMonitor.notifyAll();
        }
        join(notifier);
        join(listener);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the event processors start and after they stop (they run in Axon's phases, far above 0). */
    @Override
    public int getPhase() {
        return 0;
    }

    private void listen() {
        while (running) {
            try (Connection connection = listeningConnection()) {
                connection.setAutoCommit(true);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // Commits of other instances while this one was not listening.
                wakeStreams();
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(LISTEN_TIMEOUT_MILLIS);
                    if (notifications != null && fromAnotherInstance(notifications)) {
                        wakeStreams();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("not listening to {} (retrying in {} ms): {}", CHANNEL, RETRY_MILLIS, e.toString());
                    pause(RETRY_MILLIS);
                }
            }
        }
    }

    /**
     * A connection of its own beside the pool's (it is held for as long as the service runs), with the pool's URL and
     * credentials; a pooled one where the pool is not Hikari.
     */
    private Connection listeningConnection() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            if (hikari.getJdbcUrl() != null) {
                Properties properties = new Properties();
                properties.putAll(hikari.getDataSourceProperties());
                if (hikari.getUsername() != null) {
                    properties.setProperty("user", hikari.getUsername());
                }
                if (hikari.getPassword() != null) {
                    properties.setProperty("password", hikari.getPassword());
                }
                properties.setProperty("ApplicationName", "mejora-commit-listener");
                return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
            }
        }
        return dataSource.getConnection();
    }

    private boolean fromAnotherInstance(PGNotification[] notifications) {
        for (PGNotification notification : notifications) {
            if (!instance.equals(notification.getParameter())) {
                return true;
            }
        }
        return false;
    }

    /** One NOTIFY for every burst of commits: at most one in flight, whatever the commit rate. */
    private void sendNotifications() {
        while (running) {
            synchronized (notifyMonitor) {
                while (running && !notifyPending.get()) {
                    try {
                        notifyMonitor.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (!notifyPending.getAndSet(false)) {
                continue;
            }
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                notify.setString(1, CHANNEL);
                notify.setString(2, instance);
                notify.execute();
            } catch (SQLException | RuntimeException e) {
                log.warn("could not notify other instances of a commit: {}", e.toString());
                pause(RETRY_MILLIS);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(LISTEN_TIMEOUT_MILLIS * 3L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
