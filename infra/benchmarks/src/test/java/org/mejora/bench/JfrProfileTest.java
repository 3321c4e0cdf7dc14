package org.mejora.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JfrProfileTest {

    @Test
    void aThreadReadingFromPostgresqlUnderOurCodeCountsAsDatabaseTime() {
        assertThat(JfrProfile.category(List.of("sun.nio.ch.Net.poll", "sun.nio.ch.NioSocketImpl.read",
                "org.postgresql.core.VisibleBufferedInputStream.read",
                "org.mejora.reporting.ingest.EventApplier.applyInSequence")))
                .isEqualTo("PostgreSQL (JDBC)");
    }

    @Test
    void aPoolThreadWaitingForWorkIsIdleAndLeftOut() {
        assertThat(JfrProfile.category(List.of("jdk.internal.misc.Unsafe.park",
                "java.util.concurrent.locks.LockSupport.park",
                "org.apache.tomcat.util.threads.TaskQueue.take"))).isNull();
    }

    @Test
    void ourCodeWaitingOnALockIsBusyTime() {
        assertThat(JfrProfile.category(List.of("jdk.internal.misc.Unsafe.park",
                "java.util.concurrent.CompletableFuture.get", "org.mejora.plan.web.CommandSender.send")))
                .isEqualTo("waiting inside Mejora code (lock or future)");
    }

    @Test
    void otherComputationIsNamedByItsPackage() {
        assertThat(JfrProfile.category(List.of("io.netty.handler.codec.http.HttpObjectDecoder.decode",
                "io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead")))
                .isEqualTo("CPU in io.netty.handler.codec.http.HttpObjectDecoder");
    }

    @Test
    void ourLoopSleepingBetweenPollsIsIdle() {
        assertThat(JfrProfile.category(List.of("java.lang.Thread.sleep",
                "org.mejora.reporting.ingest.IngestionLoop.sleep"))).isNull();
    }

    @Test
    void aRecordingsSamplesOfTheChosenThreadsAreSummarisedByFrame() {
        JfrProfile profile = JfrProfile.forTest(name -> name.startsWith("reporting-rebuild"));
        profile.read(List.of(
                "jdk.ExecutionSample {", "  startTime = 04:27:44.996",
                "  sampledThread = \"reporting-rebuild-consumer-1\" (javaThreadId = 41)",
                "  state = \"STATE_RUNNABLE\"", "  stackTrace = [",
                "    com.fasterxml.jackson.core.json.UTF8StreamJsonParser.nextToken() line: 700",
                "    org.mejora.envelope.EnvelopeCodec.read(byte[]) line: 40",
                "    ...", "  ]", "}", "",
                "jdk.ExecutionSample {", "  sampledThread = \"http-nio-1\" (javaThreadId = 42)", "  stackTrace = [",
                "    java.lang.String.hashCode() line: 1", "  ]", "}", "",
                "jdk.NativeMethodSample {", "  sampledThread = \"reporting-rebuild-consumer-0\" (javaThreadId = 40)",
                "  stackTrace = [", "    sun.nio.ch.SocketDispatcher.read0(FileDescriptor, long, int)",
                "    org.postgresql.core.PGStream.receiveChar() line: 1",
                "    org.mejora.reporting.ingest.EventApplier.flush() line: 3", "  ]", "}"));

        assertThat(profile.summary(3)).contains("JSON (Jackson) 50% under EnvelopeCodec.read")
                .contains("PostgreSQL (JDBC) 50% under EventApplier.flush")
                .contains("UTF8StreamJsonParser.nextToken 100%")
                .contains("2 busy samples: 1 running Java, 1 in native code");
    }
}
