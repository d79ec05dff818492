package io.watchkeeper.ais.nmea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.watchkeeper.core.deadletter.RejectReason;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The hot path: a bare single-fragment sentence is framed without allocating. */
class NmeaFramerAllocationTest {

    private static final String LINE = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";

    @Test
    void singleFragmentSentencesAllocateNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeThat(bean).as("HotSpot's per-thread allocation counter").isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        long[] payloadChars = new long[1];
        NmeaFramer framer = new NmeaFramer(new FrameListener() {
            @Override
            public void onPayload(AisPayload payload) {
                payloadChars[0] += payload.end() - payload.start();
            }

            @Override
            public void onRejected(RejectReason reason, String detail, String raw) {
                throw new AssertionError(detail);
            }
        }, FramerSettings.defaults());
        for (int i = 0; i < 20_000; i++) {
            framer.accept(LINE, i);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        int lines = 100_000;
        for (int i = 0; i < lines; i++) {
            framer.accept(LINE, i);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(payloadChars[0]).isEqualTo(120_000L * 28);
        // A few hundred bytes of slack for the counter call itself; one String per line would be 5 MB.
        assertThat(allocated).as("bytes allocated for %d lines", lines).isLessThan(1_000);
    }
}
