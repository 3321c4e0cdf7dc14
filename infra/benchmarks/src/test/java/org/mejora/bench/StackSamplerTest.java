package org.mejora.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackSamplerTest {

    @Test
    void aThreadReadingFromPostgresqlUnderOurCodeCountsAsDatabaseTime() {
        assertThat(StackSampler.category(List.of("sun.nio.ch.Net.poll", "sun.nio.ch.NioSocketImpl.read",
                "org.postgresql.core.VisibleBufferedInputStream.read",
                "org.mejora.reporting.ingest.EventApplier.applyInSequence")))
                .isEqualTo("PostgreSQL (JDBC round trips)");
    }

    @Test
    void aPoolThreadWaitingForWorkIsIdleAndLeftOut() {
        assertThat(StackSampler.category(List.of("jdk.internal.misc.Unsafe.park",
                "java.util.concurrent.locks.LockSupport.park",
                "org.apache.tomcat.util.threads.TaskQueue.take"))).isNull();
    }

    @Test
    void ourCodeWaitingOnALockIsBusyTime() {
        assertThat(StackSampler.category(List.of("jdk.internal.misc.Unsafe.park",
                "java.util.concurrent.CompletableFuture.get", "org.mejora.plan.web.CommandSender.send")))
                .isEqualTo("waiting inside Mejora code (lock or future)");
    }

    @Test
    void otherComputationIsNamedByItsPackage() {
        assertThat(StackSampler.category(List.of("io.netty.handler.codec.http.HttpObjectDecoder.decode",
                "io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead")))
                .isEqualTo("CPU in io.netty.handler.codec.http.HttpObjectDecoder");
    }

    @Test
    void ourLoopSleepingBetweenPollsIsIdle() {
        assertThat(StackSampler.category(List.of("java.lang.Thread.sleep",
                "org.mejora.reporting.ingest.IngestionLoop.sleep"))).isNull();
    }
}
