package org.mejora.envelope.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The forwarder's source: the events of the store, read by tracking token like the embedded event store reads them,
 * but through a stream that takes an availability callback, so Axon's pooled processor is woken by a commit
 * ({@link CommitSignals}) instead of looking again after a fixed 500 ms.
 * <p>
 * The stream reads the store when signalled, and at least every {@code fallback} while the processor asks, so a lost
 * signal only delays. Positions are the storage engine's own gap-aware tokens: an event whose transaction commits
 * after a later one is still read, at its own commit's signal.
 */
public class SignalledEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine events;
    private final CommitSignals signals;
    private final int batchSize;
    private final Duration fallback;

    public SignalledEventSource(EventStorageEngine events, CommitSignals signals, int batchSize, Duration fallback) {
        this.events = events;
        this.signals = signals;
        this.batchSize = batchSize;
        this.fallback = fallback;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new SignalledStream(trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    private final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
        private final Runnable unsubscribe;
        /** The token of the last event read from the store (not the last handed out): where the next read starts. */
        private TrackingToken position;
        /** Set by a signal (a new stream reads at once); atomic so a committing thread never waits for a read. */
        private final AtomicBoolean signalled = new AtomicBoolean(true);
        private final Object wakeup = new Object();
        private long lastRead;
        private volatile Runnable onAvailable;
        private volatile boolean closed;

        SignalledStream(TrackingToken position) {
            this.position = position;
            this.unsubscribe = signals.subscribe(this::signal);
        }

        private void signal() {
            signalled.set(true);
            synchronized (wakeup) {
                wakeup.notifyAll();
            }
            Runnable callback = onAvailable;
            if (callback != null) {
                callback.run();
            }
        }

        @Override
        public synchronized Optional<TrackedEventMessage<?>> peek() {
            readIfDue();
            return Optional.ofNullable(buffer.peek());
        }

        @Override
        public synchronized boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                readIfDue();
                if (!buffer.isEmpty()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                synchronized (wakeup) {
                    if (!signalled.get() && !closed) {
                        TimeUnit.NANOSECONDS.timedWait(wakeup, Math.min(left, fallback.toNanos()));
                    }
                }
            }
        }

        @Override
        public synchronized TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new IllegalStateException("the event stream is closed");
                }
            }
            return buffer.poll();
        }

        private void readIfDue() {
            if (closed || !buffer.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (!signalled.getAndSet(false) && now - lastRead < fallback.toNanos()) {
                return;
            }
            lastRead = now;
            try (Stream<? extends TrackedEventMessage<?>> read = events.readEvents(position, false)) {
                read.limit(batchSize).forEach(buffer::add);
            }
            if (!buffer.isEmpty()) {
                position = buffer.peekLast().trackingToken();
                // A full batch: more may be waiting, read again as soon as this one is taken.
                if (buffer.size() >= batchSize) {
                    signalled.set(true);
                }
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            return true;
        }

        @Override
        public void close() {
            unsubscribe.run();
            closed = true;
            synchronized (wakeup) {
                wakeup.notifyAll();
            }
            synchronized (this) {
                buffer.clear();
            }
        }
    }
}
